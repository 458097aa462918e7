#pragma once
// What a killed tile rendering leaves in a tiles directory it wrote in place, as naqsha before issue 17
// did for `naqsha tiles`: XYZ directories being built (<layer>/.<slice>.partial-<pid>) and MBTiles
// temporaries (.<layer>-<slice>.mbtiles.tmp.XXXXXX, atomic_file's names). Today `naqsha tiles` builds in
// a staging area, whose leftovers staging_area removes; these are the older leftovers, which the next
// run used to keep for ever.
#include <filesystem>

namespace naqsha::tiles {

// Removes them, and nothing else: a .partial-<pid> directory only when no process <pid> runs, and no
// link followed. The caller holds the output's lock, so no naqsha of today writes there meanwhile.
void remove_unfinished_tiles(const std::filesystem::path& tiles_dir);

} // namespace naqsha::tiles
