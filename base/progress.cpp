#include "base/progress.hpp"

namespace naqsha {
namespace {

class silent_progress final : public progress_sink {
public:
    void start(std::string_view, std::size_t) override {}
    void advance(std::size_t) override {}
    void finish() override {}
};

} // namespace

progress_sink& no_progress() {
    static silent_progress sink;
    return sink;
}

} // namespace naqsha
