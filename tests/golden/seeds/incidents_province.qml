<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.0-Białowieża" styleCategories="AllStyleCategories" hasScaleBasedVisibilityFlag="0" minScale="100000000" maxScale="0" labelsEnabled="0" simplifyDrawingHints="1" simplifyDrawingTol="1" simplifyLocal="1" simplifyAlgorithm="0" simplifyMaxScale="1" readOnly="0" symbologyReferenceScale="-1">
  <temporal enabled="1" mode="2" limitMode="1" accumulate="0" startField="date" endField="date_end" startExpression="" endExpression="" durationField="" durationUnit="min" fixedDuration="0">
    <fixedRange>
      <start></start>
      <end></end>
    </fixedRange>
  </temporal>
  <renderer-v2 type="singleSymbol" symbollevels="0" enableorderby="0" forceraster="0" referencescale="-1">
    <symbols>
      <symbol type="fill" name="0" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="LinePatternFill" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="angle" value="45"/>
            <Option type="QString" name="color" value="128,0,38,255"/>
            <Option type="QString" name="distance" value="2.5"/>
            <Option type="QString" name="distance_unit" value="MM"/>
            <Option type="QString" name="line_width" value="0.19843749999999996"/>
            <Option type="QString" name="line_width_unit" value="MM"/>
          </Option>
          <symbol type="line" name="@0@0" alpha="1" clip_to_extent="1" force_rhr="0">
            <layer class="SimpleLine" enabled="1" locked="0" pass="0">
              <Option type="Map">
                <Option type="QString" name="capstyle" value="square"/>
                <Option type="QString" name="joinstyle" value="bevel"/>
                <Option type="QString" name="line_color" value="128,0,38,255"/>
                <Option type="QString" name="line_style" value="solid"/>
                <Option type="QString" name="line_width" value="0.19843749999999996"/>
                <Option type="QString" name="line_width_unit" value="MM"/>
              </Option>
            </layer>
          </symbol>
        </layer>
        <layer class="SimpleLine" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="capstyle" value="square"/>
            <Option type="QString" name="joinstyle" value="bevel"/>
            <Option type="QString" name="line_color" value="128,0,38,255"/>
            <Option type="QString" name="line_style" value="dash"/>
            <Option type="QString" name="line_width" value="0.3968749999999999"/>
            <Option type="QString" name="line_width_unit" value="MM"/>
          </Option>
        </layer>
      </symbol>
    </symbols>
    <rotation/>
    <sizescale/>
  </renderer-v2>
  <blendMode>0</blendMode>
  <featureBlendMode>0</featureBlendMode>
  <layerOpacity>1</layerOpacity>
  <aliases>
    <alias field="id" name="Event id"/>
    <alias field="type" name="Event type"/>
    <alias field="sub_type" name="Sub-type"/>
    <alias field="background" name="Recalled background event"/>
    <alias field="date" name="Date"/>
    <alias field="date_end" name="Date (end)"/>
    <alias field="date_precision" name="Date precision"/>
    <alias field="precision" name="Place precision (settlement, district, province)"/>
    <alias field="location" name="Drawn at (settlement, district point, province)"/>
    <alias field="district_pcode" name="District P-code"/>
    <alias field="district" name="District"/>
    <alias field="province_pcode" name="Province P-code"/>
    <alias field="province" name="Province"/>
    <alias field="perpetrator" name="Perpetrator"/>
    <alias field="target" name="Target"/>
    <alias field="perpetrator_detail" name="Perpetrator (as reported)"/>
    <alias field="target_detail" name="Target (as reported)"/>
    <alias field="killed_low" name="Killed (low)"/>
    <alias field="killed_best" name="Killed (best estimate)"/>
    <alias field="killed_high" name="Killed (high)"/>
    <alias field="wounded_low" name="Wounded (low)"/>
    <alias field="wounded_best" name="Wounded (best estimate)"/>
    <alias field="wounded_high" name="Wounded (high)"/>
    <alias field="missing_low" name="Missing (low)"/>
    <alias field="missing_best" name="Missing (best estimate)"/>
    <alias field="missing_high" name="Missing (high)"/>
    <alias field="captured_low" name="Captured (low)"/>
    <alias field="captured_best" name="Captured (best estimate)"/>
    <alias field="captured_high" name="Captured (high)"/>
    <alias field="sources" name="Number of sources"/>
    <alias field="source_names" name="Sources"/>
    <alias field="articles" name="Articles"/>
    <alias field="urls" name="Article URLs"/>
    <alias field="first_published" name="First published"/>
    <alias field="control" name="Control after the event"/>
    <alias field="confidence" name="Extraction confidence (0-1)"/>
    <alias field="quote" name="Quote"/>
  </aliases>
  <previewExpression>&quot;id&quot;</previewExpression>
  <layerGeometryType>2</layerGeometryType>
</qgis>
