#include "extract/flat_json.hpp"

#include "base/utf8.hpp"

#include <cmath>
#include <cstdlib>

namespace naqsha::extract {
namespace {

class reader {
public:
    explicit reader(std::string_view s) : s_(s) {}

    bool object(std::vector<flat_member>& out) {
        space();
        if (!take('{')) return false;
        space();
        if (take('}')) return end();
        while (true) {
            flat_member m;
            space();
            if (!string(m.key)) return false;
            space();
            if (!take(':')) return false;
            space();
            if (!value(m.value)) return false;
            out.push_back(std::move(m));
            space();
            if (take(',')) continue;
            if (take('}')) return end();
            return false;
        }
    }

private:
    std::string_view s_;
    std::size_t i_ = 0;

    bool end() {
        space();
        return i_ == s_.size();
    }
    void space() {
        while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
    }
    bool take(char c) {
        if (i_ < s_.size() && s_[i_] == c) {
            ++i_;
            return true;
        }
        return false;
    }
    bool literal(std::string_view w) {
        if (s_.substr(i_, w.size()) != w) return false;
        i_ += w.size();
        return true;
    }
    bool hex4(unsigned& v) {
        if (i_ + 4 > s_.size()) return false;
        v = 0;
        for (int k = 0; k < 4; ++k) {
            char c = s_[i_++];
            v <<= 4;
            if (c >= '0' && c <= '9') v |= static_cast<unsigned>(c - '0');
            else if (c >= 'a' && c <= 'f') v |= static_cast<unsigned>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F') v |= static_cast<unsigned>(c - 'A' + 10);
            else return false;
        }
        return true;
    }
    bool string(std::string& out) {
        if (!take('"')) return false;
        out.clear();
        while (i_ < s_.size()) {
            // copy a run of ordinary characters at once
            std::size_t run = i_;
            while (run < s_.size()) {
                auto c = static_cast<unsigned char>(s_[run]);
                if (c < 0x80) {
                    if (c == '"' || c == '\\' || c < 0x20) break;
                    ++run;
                    continue;
                }
                std::size_t len = utf8_sequence_length(s_, run);
                if (len == 0) return false;
                run += len;
            }
            out.append(s_.data() + i_, run - i_);
            i_ = run;
            if (i_ >= s_.size()) return false;
            char c = s_[i_++];
            if (c == '"') return true;
            if (c != '\\') return false; // a raw control character
            if (i_ >= s_.size()) return false;
            char e = s_[i_++];
            switch (e) {
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            case '/': out += '/'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'u': {
                unsigned u = 0;
                if (!hex4(u)) return false;
                char32_t cp = u;
                if (u >= 0xD800 && u <= 0xDBFF) {
                    unsigned low = 0;
                    if (!literal("\\u") || !hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
                    cp = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
                } else if (u >= 0xDC00 && u <= 0xDFFF) {
                    return false;
                }
                append_utf8(out, cp);
                break;
            }
            default: return false;
            }
        }
        return false;
    }
    bool value(flat_value& v) {
        if (i_ >= s_.size()) return false;
        char c = s_[i_];
        if (c == '"') {
            v.type = flat_value::kind::string;
            return string(v.text);
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            std::size_t start = i_;
            take('-');
            if (take('0')) {
            } else {
                if (i_ >= s_.size() || s_[i_] < '1' || s_[i_] > '9') return false;
                while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
            }
            bool integer = true;
            if (take('.')) {
                integer = false;
                if (i_ >= s_.size() || s_[i_] < '0' || s_[i_] > '9') return false;
                while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
            }
            if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
                integer = false;
                ++i_;
                if (!take('+')) take('-');
                if (i_ >= s_.size() || s_[i_] < '0' || s_[i_] > '9') return false;
                while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
            }
            v.type = integer && i_ - start <= 18 ? flat_value::kind::integer : flat_value::kind::other;
            v.text = std::string(s_.substr(start, i_ - start));
            // A number past the range of a double (1e999, or 400 digits) is valid JSON syntax, but the
            // full parser rejects it; the fast path must accept exactly the lines that parser accepts.
            // (Found by fuzz_ndjson.) Only long numbers and exponents can overflow, so the common
            // case skips strtod.
            if (v.type == flat_value::kind::other && std::isinf(std::strtod(v.text.c_str(), nullptr))) return false;
            return true;
        }
        v.type = flat_value::kind::other;
        return literal("true") || literal("false") || literal("null");
    }
};

} // namespace

bool parse_flat_object(std::string_view line, std::vector<flat_member>& out) {
    out.clear();
    return reader(line).object(out);
}

} // namespace naqsha::extract
