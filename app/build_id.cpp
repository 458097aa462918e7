#include "app/build_id.hpp"

#include "base/atomic_file.hpp"
#include "base/sha256.hpp"

#include <elf.h>
#include <link.h>

#include <cstring>

namespace naqsha::app {
namespace {

struct note_search {
    std::string hex;
};

int find_build_id(dl_phdr_info* info, size_t, void* data) {
    auto* search = static_cast<note_search*>(data);
    if (info->dlpi_name != nullptr && info->dlpi_name[0] != '\0') return 0; // the executable comes first, unnamed
    for (int i = 0; i < info->dlpi_phnum; ++i) {
        const auto& header = info->dlpi_phdr[i];
        if (header.p_type != PT_NOTE) continue;
        const auto* at = reinterpret_cast<const unsigned char*>(info->dlpi_addr + header.p_vaddr);
        const auto* end = at + header.p_memsz;
        while (at + sizeof(ElfW(Nhdr)) <= end) {
            ElfW(Nhdr) note;
            std::memcpy(&note, at, sizeof note);
            const auto* name = at + sizeof note;
            const auto* desc = name + ((note.n_namesz + 3) & ~3u);
            if (note.n_type == NT_GNU_BUILD_ID && note.n_namesz == 4 && std::memcmp(name, "GNU", 4) == 0) {
                static constexpr char digits[] = "0123456789abcdef";
                for (unsigned j = 0; j < note.n_descsz; ++j) {
                    search->hex.push_back(digits[desc[j] >> 4]);
                    search->hex.push_back(digits[desc[j] & 0x0f]);
                }
                return 1;
            }
            at = desc + ((note.n_descsz + 3) & ~3u);
        }
    }
    return 1;
}

} // namespace

std::string build_id() {
    static const std::string id = [] {
        note_search search;
        dl_iterate_phdr(find_build_id, &search);
        if (!search.hex.empty()) return "build-id:" + search.hex;
        return "sha256:" + sha256_hex(read_file("/proc/self/exe"));
    }();
    return id;
}

} // namespace naqsha::app
