#pragma once
// The byte encoding of the spools (mention_spool, event_spool): every field of a type in one list that
// serves both directions, so writing and reading cannot drift apart, and values kept exactly (doubles
// bit for bit), so what is read back is what was added. Only the spools' private databases hold these
// bytes, for the life of one process, so the layout may change with any build.
#include "extract/event.hpp"

#include <concepts>
#include <cstdint>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace naqsha::store::spool_codec {

// `Value` is the type or its const.
template <typename Value, typename Type>
concept either = std::same_as<std::remove_const_t<Value>, Type>;

template <typename Codec, either<extract::event> Event>
void fields(Codec& c, Event& e) {
    c(e.id), c(e.article), c(e.type), c(e.sub_type), c(e.background);
    c(e.date), c(e.date_end), c(e.date_prec), c(e.date_basis), c(e.date_text);
    c(e.district), c(e.province), c(e.geo_prec), c(e.lon), c(e.lat), c(e.places);
    c(e.who.perpetrator), c(e.who.target), c(e.who.perpetrator_detail), c(e.who.target_detail);
    c(e.killed), c(e.wounded), c(e.missing), c(e.captured), c(e.claims);
    c(e.control), c(e.reported_by), c(e.reported_by_kind), c(e.quote), c(e.offsets), c(e.confidence);
}

template <typename Codec, either<extract::place_mention> Place>
void fields(Codec& c, Place& p) {
    c(p.text), c(p.pcode), c(p.level), c(p.offsets);
}

template <typename Codec, either<extract::claim> Claim>
void fields(Codec& c, Claim& k) {
    c(k.field), c(k.value), c(k.source), c(k.source_kind), c(k.subject), c(k.offsets);
}

template <typename Codec, either<extract::place_ref> Ref>
void fields(Codec& c, Ref& r) {
    c(r.pcode), c(r.name);
}

template <typename Codec, either<extract::count_range> Range>
void fields(Codec& c, Range& r) {
    c(r.low), c(r.best), c(r.high);
}

template <typename Codec, either<extract::span> Span>
void fields(Codec& c, Span& s) {
    c(s.begin), c(s.end);
}

class encoder {
public:
    explicit encoder(std::string& out) : out_(out) {}

    template <typename T>
        requires std::is_arithmetic_v<T> || std::is_enum_v<T>
    void operator()(const T& v) {
        char bytes[sizeof(T)];
        std::memcpy(bytes, &v, sizeof(T));
        out_.append(bytes, sizeof(T));
    }
    void operator()(const std::string& s) {
        (*this)(static_cast<std::uint32_t>(s.size()));
        out_ += s;
    }
    template <typename T>
    void operator()(const std::optional<T>& v) {
        (*this)(v.has_value());
        if (v) (*this)(*v);
    }
    template <typename T>
    void operator()(const std::vector<T>& items) {
        (*this)(static_cast<std::uint32_t>(items.size()));
        for (const auto& item : items) (*this)(item);
    }
    template <typename T>
        requires std::is_class_v<T>
    void operator()(const T& v) {
        fields(*this, v);
    }

private:
    std::string& out_;
};

class decoder {
public:
    explicit decoder(std::string_view in) : in_(in) {}

    template <typename T>
        requires std::is_arithmetic_v<T> || std::is_enum_v<T>
    void operator()(T& v) {
        std::memcpy(&v, take(sizeof(T)).data(), sizeof(T));
    }
    void operator()(std::string& s) {
        std::uint32_t size = 0;
        (*this)(size);
        s = take(size);
    }
    template <typename T>
    void operator()(std::optional<T>& v) {
        bool present = false;
        (*this)(present);
        if (!present) return v.reset();
        (*this)(v.emplace());
    }
    template <typename T>
    void operator()(std::vector<T>& items) {
        std::uint32_t size = 0;
        (*this)(size);
        items.resize(size);
        for (auto& item : items) (*this)(item);
    }
    template <typename T>
        requires std::is_class_v<T>
    void operator()(T& v) {
        fields(*this, v);
    }

    bool done() const { return in_.empty(); }

private:
    std::string_view take(std::size_t n) {
        if (n > in_.size()) throw std::logic_error("spool: a row ends early");
        auto out = in_.substr(0, n);
        in_.remove_prefix(n);
        return out;
    }

    std::string_view in_;
};

} // namespace naqsha::store::spool_codec
