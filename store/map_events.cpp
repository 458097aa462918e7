#include "store/event_spool.hpp"
#include "store/model.hpp"

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

namespace naqsha::store {

// The texts of the records: an event's id, and once each the dates, P-codes and words that many events
// share, in blocks that never move, so that the records' views stay valid.
class event_texts {
public:
    // A copy of `text` of its own (an id: no other event shares it).
    std::string_view keep(std::string_view text) {
        if (text.empty()) return {};
        char* at = nullptr;
        if (text.size() > block_size / 4) { // a long text has a block to itself
            blocks_.push_back(std::make_unique<char[]>(text.size()));
            at = blocks_.back().get();
        } else {
            if (current_ == nullptr || text.size() > block_size - used_) {
                blocks_.push_back(std::make_unique<char[]>(block_size));
                current_ = blocks_.back().get();
                used_ = 0;
            }
            at = current_ + used_;
            used_ += text.size();
        }
        std::copy(text.begin(), text.end(), at);
        return {at, text.size()};
    }
    // The one copy of `text`.
    std::string_view shared(std::string_view text) {
        if (text.empty()) return {};
        if (auto it = shared_.find(text); it != shared_.end()) return *it;
        return *shared_.insert(keep(text)).first;
    }

private:
    static constexpr std::size_t block_size = 64 * 1024;
    std::vector<std::unique_ptr<char[]>> blocks_;
    char* current_ = nullptr; // the block being filled
    std::size_t used_ = 0;
    std::unordered_set<std::string_view> shared_;
};

map_events::map_events(std::initializer_list<merged_event> events) {
    for (const auto& e : events) add(e);
}

map_events::map_events(std::shared_ptr<event_spool> spool) : spool_(std::move(spool)) {}

void map_events::add(const merged_event& e) {
    if (!spool_) spool_ = std::make_shared<event_spool>();
    add_spooled(e, spool_->add(e));
}

void map_events::add_spooled(const merged_event& e, std::uint32_t row) {
    if (!texts_) texts_ = std::make_shared<event_texts>();
    auto& t = *texts_;
    map_event r;
    r.id = t.keep(e.id);
    // A label outside the vocabulary (extraction writes none) tells the map nothing.
    r.sub_type = e.sub_type;
    r.date = within_iso_years(e.date);
    r.date_end = e.date_end ? within_iso_years(e.date_end) : r.date;
    r.district = e.district ? t.shared(e.district->pcode) : std::string_view();
    r.province = e.province ? t.shared(e.province->pcode) : std::string_view();
    r.lon = e.lon;
    r.lat = e.lat;
    r.killed = e.killed;
    r.wounded = e.wounded;
    r.confidence = e.confidence;
    r.row = row;
    r.type = e.type;
    r.date_prec = e.date_prec;
    r.geo_prec = e.geo_prec;
    r.control = e.control;
    r.reported_by_kind = e.reported_by_kind;
    r.background = e.background;
    records_.push_back(r);
}

merged_event map_events::whole(const map_event& e) const {
    if (!spool_) throw std::logic_error("event " + std::string(e.id) + ": not one of these events (there are none)");
    auto out = spool_->read(e.row);
    out.lon = e.lon;
    out.lat = e.lat;
    return out;
}

void map_events::reorder(std::span<const std::size_t> order) {
    // In place, cycle by cycle: a sorted copy would hold every record twice, at the run's peak.
    std::vector<bool> placed(order.size(), false);
    for (std::size_t start = 0; start < order.size(); ++start) {
        if (placed[start]) continue;
        const map_event held = records_[start];
        std::size_t at = start;
        while (order[at] != start) {
            records_[at] = records_[order[at]];
            placed[at] = true;
            at = order[at];
        }
        records_[at] = held;
        placed[at] = true;
    }
}

} // namespace naqsha::store
