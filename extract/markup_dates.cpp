#include "extract/markup_dates.hpp"

#include "base/calendar.hpp"

#include <cctype>

namespace naqsha::extract {
namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }

int digits(std::string_view s, std::size_t at, std::size_t n) {
    if (at + n > s.size()) return -1;
    int v = 0;
    for (std::size_t k = at; k < at + n; ++k) {
        if (!digit(s[k])) return -1;
        v = v * 10 + (s[k] - '0');
    }
    return v;
}

std::optional<day_number> civil(int y, int m, int d) {
    if (y < 1990 || y > 2100 || !valid_date(y, m, d)) return std::nullopt;
    return days_from_civil(y, m, d);
}

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool contains_lower(std::string_view hay, std::string_view needle) {
    if (needle.size() > hay.size()) return false;
    for (std::size_t i = 0; i + needle.size() <= hay.size(); ++i) {
        std::size_t k = 0;
        while (k < needle.size() && lower(hay[i + k]) == needle[k]) ++k;
        if (k == needle.size()) return true;
    }
    return false;
}

// The value of attribute `name` in a tag's text, or "".
std::string_view attribute(std::string_view tag, std::string_view name) {
    for (std::size_t i = 0; i + name.size() + 2 < tag.size(); ++i) {
        if (i > 0 && !std::isspace(static_cast<unsigned char>(tag[i - 1]))) continue;
        std::size_t k = 0;
        while (k < name.size() && lower(tag[i + k]) == name[k]) ++k;
        if (k != name.size() || tag[i + k] != '=') continue;
        std::size_t v = i + k + 1;
        char quote = tag[v] == '"' || tag[v] == '\'' ? tag[v] : 0;
        if (quote) ++v;
        std::size_t e = v;
        while (e < tag.size() && (quote ? tag[e] != quote : !std::isspace(static_cast<unsigned char>(tag[e])) && tag[e] != '>')) ++e;
        return tag.substr(v, e - v);
    }
    return {};
}

// "2019-06-03", "2019-06-03T10:15:00Z", "2019-06-03 10:15"
std::optional<day_number> iso_prefix(std::string_view s) {
    std::size_t b = 0;
    while (b < s.size() && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
    if (b + 10 > s.size() || s[b + 4] != '-' || s[b + 7] != '-') return std::nullopt;
    return civil(digits(s, b, 4), digits(s, b + 5, 2), digits(s, b + 8, 2));
}

// <meta name="date" content="..."> and its Dublin Core form
bool equals_date_name(std::string_view what) {
    if (what.size() != 4 && what.size() != 7) return false;
    std::string folded;
    for (char c : what) folded += lower(c);
    return folded == "date" || folded == "dc.date";
}

} // namespace

std::optional<day_number> date_in_url(std::string_view url) {
    // only the path: a host name holds no date
    auto scheme = url.find("://");
    std::size_t path = url.find('/', scheme == std::string_view::npos ? 0 : scheme + 3);
    if (path == std::string_view::npos) return std::nullopt;
    for (std::size_t i = path; i < url.size(); ++i) {
        if (url[i] != '/') continue;
        // /2019/06/03/ (the day may close the path, or be followed by a slug: /2019/06/03-slug)
        int y = digits(url, i + 1, 4), m = digits(url, i + 6, 2), d = digits(url, i + 9, 2);
        if (y > 0 && m > 0 && d > 0 && url[i + 5] == '/' && url[i + 8] == '/' &&
            (i + 11 >= url.size() || !digit(url[i + 11])))
            if (auto day = civil(y, m, d)) return day;
        // /20190603/
        int packed_y = digits(url, i + 1, 4), packed_m = digits(url, i + 5, 2), packed_d = digits(url, i + 7, 2);
        if (packed_y > 0 && packed_m > 0 && packed_d > 0 && (i + 9 >= url.size() || url[i + 9] == '/' || url[i + 9] == '-'))
            if (auto day = civil(packed_y, packed_m, packed_d)) return day;
    }
    return std::nullopt;
}

std::vector<markup_date> url_dates(std::string_view text) {
    std::vector<markup_date> out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        bool start = text.compare(i, 7, "http://") == 0 || text.compare(i, 8, "https://") == 0 ||
                     (text.compare(i, 4, "www.") == 0 && (i == 0 || std::isspace(static_cast<unsigned char>(text[i - 1]))));
        if (!start) continue;
        std::size_t e = i;
        while (e < text.size() && !std::isspace(static_cast<unsigned char>(text[e])) && text[e] != '"' && text[e] != '<') ++e;
        markup_date m;
        m.begin = i;
        m.end = e;
        m.day = date_in_url(text.substr(i, e - i));
        out.push_back(m);
        i = e;
    }
    return out;
}

html_reading read_html(std::string_view text) {
    html_reading r;
    std::optional<markup_date> meta, time;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '<' || i + 1 >= text.size()) continue;
        char next = text[i + 1];
        if (!(std::isalpha(static_cast<unsigned char>(next)) || next == '/' || next == '!')) continue;
        std::size_t e = text.find('>', i);
        if (e == std::string_view::npos || e - i > 4096) continue;
        std::string_view tag = text.substr(i, e + 1 - i);
        r.tags.push_back({i, e + 1});
        if (!meta && (contains_lower(tag.substr(0, 6), "<meta"))) {
            std::string_view what = attribute(tag, "property");
            if (what.empty()) what = attribute(tag, "name");
            if (what.empty()) what = attribute(tag, "itemprop");
            bool publication = contains_lower(what, "publish") || contains_lower(what, "pubdate") ||
                               contains_lower(what, "date.issued") || equals_date_name(what);
            if (publication)
                if (const auto d = iso_prefix(attribute(tag, "content"))) meta = markup_date{d, i, e + 1};
        }
        if (!time && contains_lower(tag.substr(0, 6), "<time"))
            if (const auto d = iso_prefix(attribute(tag, "datetime"))) time = markup_date{d, i, e + 1};
        i = e;
    }
    // JSON-LD: "datePublished": "2019-06-03T10:15:00Z"
    if (!meta) {
        auto at = text.find("\"datePublished\"");
        if (at != std::string_view::npos) {
            std::size_t v = text.find('"', text.find(':', at) + 1);
            if (v != std::string_view::npos)
                if (const auto d = iso_prefix(text.substr(v + 1, 32))) meta = markup_date{d, at, v + 1};
        }
    }
    r.published = meta ? meta : time;
    return r;
}

} // namespace naqsha::extract
