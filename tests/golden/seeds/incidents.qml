<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.0-Białowieża" styleCategories="AllStyleCategories" hasScaleBasedVisibilityFlag="0" minScale="100000000" maxScale="0" labelsEnabled="0" simplifyDrawingHints="0" simplifyDrawingTol="1" simplifyLocal="1" simplifyAlgorithm="0" simplifyMaxScale="1" readOnly="0" symbologyReferenceScale="-1">
  <temporal enabled="1" mode="2" limitMode="1" accumulate="0" startField="date" endField="date_end" startExpression="" endExpression="" durationField="" durationUnit="min" fixedDuration="0">
    <fixedRange>
      <start></start>
      <end></end>
    </fixedRange>
  </temporal>
  <renderer-v2 type="graduatedSymbol" attr="coalesce(&quot;killed_best&quot;, 0)" graduatedMethod="GraduatedColor" symbollevels="0" enableorderby="1" forceraster="0" referencescale="-1">
    <ranges>
      <range lower="0" upper="0" label="0 or unknown killed" render="true" symbol="0"/>
      <range lower="1" upper="4" label="1-4 killed" render="true" symbol="1"/>
      <range lower="5" upper="19" label="5-19 killed" render="true" symbol="2"/>
      <range lower="20" upper="49" label="20-49 killed" render="true" symbol="3"/>
      <range lower="50" upper="1000000" label="50+ killed" render="true" symbol="4"/>
    </ranges>
    <symbols>
      <symbol type="marker" name="0" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="angle" value="0"/>
            <Option type="QString" name="color" value="128,0,38,210"/>
            <Option type="QString" name="joinstyle" value="bevel"/>
            <Option type="QString" name="name" value="circle"/>
            <Option type="QString" name="outline_color" value="255,255,255,255"/>
            <Option type="QString" name="outline_style" value="solid"/>
            <Option type="QString" name="outline_width" value="0.26458333333333334"/>
            <Option type="QString" name="outline_width_unit" value="MM"/>
            <Option type="QString" name="scale_method" value="diameter"/>
            <Option type="QString" name="size" value="1.5874999999999997"/>
            <Option type="QString" name="size_unit" value="MM"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="marker" name="1" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="angle" value="0"/>
            <Option type="QString" name="color" value="128,0,38,210"/>
            <Option type="QString" name="joinstyle" value="bevel"/>
            <Option type="QString" name="name" value="circle"/>
            <Option type="QString" name="outline_color" value="255,255,255,255"/>
            <Option type="QString" name="outline_style" value="solid"/>
            <Option type="QString" name="outline_width" value="0.26458333333333334"/>
            <Option type="QString" name="outline_width_unit" value="MM"/>
            <Option type="QString" name="scale_method" value="diameter"/>
            <Option type="QString" name="size" value="2.38125"/>
            <Option type="QString" name="size_unit" value="MM"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="marker" name="2" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="angle" value="0"/>
            <Option type="QString" name="color" value="128,0,38,210"/>
            <Option type="QString" name="joinstyle" value="bevel"/>
            <Option type="QString" name="name" value="circle"/>
            <Option type="QString" name="outline_color" value="255,255,255,255"/>
            <Option type="QString" name="outline_style" value="solid"/>
            <Option type="QString" name="outline_width" value="0.26458333333333334"/>
            <Option type="QString" name="outline_width_unit" value="MM"/>
            <Option type="QString" name="scale_method" value="diameter"/>
            <Option type="QString" name="size" value="3.439583333333333"/>
            <Option type="QString" name="size_unit" value="MM"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="marker" name="3" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="angle" value="0"/>
            <Option type="QString" name="color" value="128,0,38,210"/>
            <Option type="QString" name="joinstyle" value="bevel"/>
            <Option type="QString" name="name" value="circle"/>
            <Option type="QString" name="outline_color" value="255,255,255,255"/>
            <Option type="QString" name="outline_style" value="solid"/>
            <Option type="QString" name="outline_width" value="0.26458333333333334"/>
            <Option type="QString" name="outline_width_unit" value="MM"/>
            <Option type="QString" name="scale_method" value="diameter"/>
            <Option type="QString" name="size" value="4.7625"/>
            <Option type="QString" name="size_unit" value="MM"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="marker" name="4" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="angle" value="0"/>
            <Option type="QString" name="color" value="128,0,38,210"/>
            <Option type="QString" name="joinstyle" value="bevel"/>
            <Option type="QString" name="name" value="circle"/>
            <Option type="QString" name="outline_color" value="255,255,255,255"/>
            <Option type="QString" name="outline_style" value="solid"/>
            <Option type="QString" name="outline_width" value="0.26458333333333334"/>
            <Option type="QString" name="outline_width_unit" value="MM"/>
            <Option type="QString" name="scale_method" value="diameter"/>
            <Option type="QString" name="size" value="6.349999999999999"/>
            <Option type="QString" name="size_unit" value="MM"/>
          </Option>
        </layer>
      </symbol>
    </symbols>
    <classificationMethod id="Custom">
      <symmetricMode enabled="0" symmetrypoint="0" astride="0"/>
      <labelFormat format="%1 - %2" labelprecision="0" trimtrailingzeroes="1"/>
    </classificationMethod>
    <orderby>
      <orderByClause asc="0" nullsFirst="0">coalesce(&quot;killed_best&quot;, 0)</orderByClause>
    </orderby>
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
  <layerGeometryType>0</layerGeometryType>
</qgis>
