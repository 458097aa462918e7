#pragma once
// One pass over an article's UTF-8 text: tokens (words, numbers, punctuation) with byte offsets and
// lexicon categories, then sentences and paragraphs. Everything downstream works on token indices
// and string_views into the article; nothing here copies the text.
#include "extract/lexicon.hpp"
#include "gazetteer/names.hpp"

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace naqsha::extract {

enum class token_kind : std::uint8_t { word, number, punct };

// Shape bits of a token.
enum shape : std::uint16_t {
    capitalized = 1 << 0,     // first letter upper case
    all_caps = 1 << 1,        // two or more letters, all upper case
    possessive = 1 << 2,      // ends in 's / ’s (the lexicon saw the word without it)
    ordinal_suffix = 1 << 3,  // 22nd, 1st
    decimal = 1 << 4,         // 56.3
    space_before = 1 << 5,    // whitespace separates it from the previous token
    newline_before = 1 << 6,  // a line break separates it from the previous token
    blank_before = 1 << 7,    // an empty line separates it from the previous token
    boiler = 1 << 8,          // part of a header, dateline or web leftover: not article prose
    place_name = 1 << 9,      // inside a name the gazetteer found (marked by the extractor)
    ascii_alnum_only = 1 << 10, // a word or number of ASCII letters and digits only
    dateline_place = 1 << 11, // the place a dateline opens with ("LASHKAR GAH, Afghanistan (Reuters) -"), also boiler
};

struct token {
    std::uint32_t begin = 0;  // byte offsets into the article text
    std::uint32_t end = 0;
    // What the lexicon lists for the word, flags to inflection, in lex::entry's order and with no gap
    // between them: the tokenizer copies an entry into every word token as one block (take_entry).
    std::uint64_t flags = 0;  // lex::flag bits
    std::int32_t value = 0;   // lexicon value, or a number's value (clamped)
    lex::field field = lex::field::none;
    lex::form form = lex::form::none;
    lex::side side = lex::side::none;
    lex::event_kind event = lex::event_kind::none;
    std::uint16_t lemma = 0;  // lex::lemma_name(lemma): "take" for "took"; 0 for words listed as they are
    morph::inflection inflection = morph::inflection::none;
    token_kind kind = token_kind::word;
    char ch = 0;              // punctuation, folded to ASCII: “ ” -> '"', – — -> '-', … -> '.'
    std::uint8_t suffix = 0;  // bytes of a possessive 's at the end
    std::uint16_t shape = 0;
    std::uint8_t stem_size = 0; // bytes without a possessive 's; 255 for that many or more
    std::uint64_t folded = 0;   // a stem of up to eight bytes, A-Z folded to a-z, byte k at bits 8k (document::is)

    bool has(std::uint64_t f) const { return (flags & f) != 0; }
    bool is_punct(char c) const { return kind == token_kind::punct && ch == c; }
};

// "Taliban militants", "insurgents", "IS-K fighters": a word naming the armed opposition.
inline bool names_insurgents(const token& t) { return t.has(lex::side_word | lex::person) && lex::insurgent(t.side); }

struct sentence {
    std::uint32_t first = 0;     // token range [first, last)
    std::uint32_t last = 0;
    std::uint32_t begin = 0;     // byte range in the text
    std::uint32_t end = 0;
    std::uint32_t paragraph = 0;
    std::uint32_t section = 0;   // which release or story in the article (see layout)
    bool title = false;          // a headline: no closing punctuation, before the body
    std::uint64_t flags = 0;     // every lexicon flag of its tokens: spares the readers that need one a pass
};

class document {
public:
    explicit document(std::string_view text);
    // Hands its token and sentence buffers on to the thread's next document (text.cpp).
    ~document();
    document(const document&) = default;
    document(document&&) = default;
    document& operator=(const document&) = default;
    document& operator=(document&&) = default;

    std::string_view text() const { return text_; }
    const std::vector<token>& tokens() const { return tokens_; }
    std::vector<token>& tokens() { return tokens_; }
    const token& at(std::size_t i) const { return tokens_[i]; }
    std::size_t size() const { return token_count_; }

    std::string_view str(std::size_t i) const { return text_.substr(tokens_[i].begin, tokens_[i].end - tokens_[i].begin); }
    // The word without a possessive 's.
    std::string_view stem(std::size_t i) const {
        return text_.substr(tokens_[i].begin, tokens_[i].end - tokens_[i].begin - tokens_[i].suffix);
    }
    std::string_view span(std::size_t first, std::size_t last) const; // tokens [first, last)
    // The first token that begins at or after byte `byte` of the text (size() when none does).
    std::size_t token_from(std::uint32_t byte) const;
    // Case-insensitive comparison with a lower-case word; a possessive 's is ignored. Called
    // everywhere in the grammar, millions of times an article set, so it is inline: a word of up to
    // eight bytes, nearly every one the grammar names, is one integer compare with the token's
    // folded stem (the literal's packing folds away at compile time).
    bool is(std::size_t i, std::string_view lower_word) const {
        if (i >= token_count_) return false;
        const token& t = tokens_[i];
        if (lower_word.size() <= 8) return t.stem_size == lower_word.size() && t.folded == pack_word(lower_word);
        if (lower_word.size() < 255 ? t.stem_size != lower_word.size() : t.end - t.begin - t.suffix != lower_word.size())
            return false;
        const char* p = text_.data() + t.begin;
        for (std::size_t k = 0; k < lower_word.size(); ++k) {
            char c = p[k];
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
            if (c != lower_word[k]) return false;
        }
        return true;
    }

    // Whether token i is a form of the lemma ("take" matches "took", "taken", "takes"); hot code
    // passes the id (lex::lemma_id) it keeps in a static.
    bool lemma_is(std::size_t i, std::uint16_t lemma) const { return i < token_count_ && lemma != 0 && tokens_[i].lemma == lemma; }
    bool lemma_is(std::size_t i, std::string_view lemma) const { return lemma_is(i, lex::lemma_id(lemma)); }

    // Splits into sentences, honouring tokens marked boiler (see layout.hpp). Call once, after
    // the layout pass has marked headers.
    void split_sentences();
    const std::vector<sentence>& sentences() const { return sentences_; }
    std::vector<sentence>& sentences() { return sentences_; }

    // Whether the text has a word that may name Kabul without its name ("capital", "parliament",
    // "palace"): places.cpp reads those only then.
    bool has_kabul_words() const { return kabul_words_; }

    // The text's words as the gazetteer's scanner reads them (gazetteer::tokenize: split at hyphens
    // and apostrophes, folded), made from the tokens, and the buffer their folded forms point into:
    // find_places hands them to gazetteer::scan, which need not tokenize the text again.
    std::span<const gazetteer::token> name_words() const { return name_words_; }
    std::string_view name_words_folded() const { return name_folded_; }

    // Up to eight bytes as token::folded holds them.
    static constexpr std::uint64_t pack_word(std::string_view word) {
        std::uint64_t packed = 0;
        for (std::size_t k = 0; k < word.size() && k < 8; ++k)
            packed |= std::uint64_t{static_cast<unsigned char>(word[k])} << (8 * k);
        return packed;
    }

private:
    bool wrapped_line(std::size_t i) const;
    void fold_stem(token& t) const;
    std::size_t read_word(token& t);
    std::size_t read_number(token& t);
    std::size_t finish_word(token& t, std::size_t end, std::size_t first_run_end);
    void note_word(const token& t, std::string_view stem);
    void name_groups();
    bool initials_of_a_group(std::size_t i) const;
    void make_name_words();

    std::string_view text_;
    std::vector<token> tokens_;
    // tokens_.size(), kept because is() checks it millions of times, where the vector's size costs a
    // division; the constructor makes every token, and nothing adds or removes one after
    std::size_t token_count_ = 0;
    std::vector<sentence> sentences_;
    std::vector<gazetteer::token> name_words_;
    std::string name_folded_;
    bool group_names_ = false; // "Islamic" or "Khorasan" occur (name_groups)
    bool kabul_words_ = false;
    int wrapped_lines_ = 0; // lines wrapped mid-sentence (wrapped_line): two or more make hard-wrapped copy
};

// Case-insensitive equality of a text with a lower-case ASCII word.
bool equals_lower(std::string_view text, std::string_view lower_word);

// "claimed the lives of seven", "claims 12 lives", "claims the life of a journalist": token i is a
// toll's verb, not a statement's.
bool claims_lives(const document& doc, std::size_t i);

// An adverb, or a lower-case word in -ly the lexicon does not know ("were brutally killed", "was
// briefly captured").
bool adverb_like(const document& doc, std::size_t k);

// document::is, always inline for a word of up to eight bytes: one compare with the token's folded
// stem. For the large functions in which GCC leaves document::is out of line, where the call packs
// each literal word at run time.
[[gnu::always_inline]] inline bool is_word(const document& doc, std::size_t i, std::string_view lower_word) {
    if (lower_word.size() > 8) return doc.is(i, lower_word);
    if (i >= doc.size()) return false;
    const token& t = doc.at(i);
    return t.stem_size == lower_word.size() && t.folded == document::pack_word(lower_word);
}

// Lower-case words to compare tokens with, each packed as document::is compares a word of up to eight
// bytes, and ordered by length: is_one_of compares a token with the words of its length only, and
// packs no word while it runs. (static constexpr word_list words{{"post", "posts"}};)
template <std::size_t N>
struct word_list {
    static constexpr std::size_t longest = 63;
    std::array<std::string_view, N> words{};        // by length
    std::array<std::uint64_t, N> packed{};
    std::array<std::uint8_t, longest + 2> start{}; // words of n bytes: [start[n], start[n + 1])

    constexpr word_list(const std::string_view (&listed)[N]) {
        static_assert(N < 256);
        std::array<std::uint8_t, longest + 2> count{};
        for (auto w : listed) {
            if (w.empty() || w.size() > longest) throw "word_list: a word of 1 to 63 bytes";
            ++count[w.size()];
        }
        for (std::size_t n = 1; n < start.size(); ++n) start[n] = static_cast<std::uint8_t>(start[n - 1] + count[n - 1]);
        std::array<std::uint8_t, longest + 2> next = start;
        for (auto w : listed) {
            const std::size_t k = next[w.size()]++;
            words[k] = w;
            packed[k] = document::pack_word(w);
        }
    }
};
template <std::size_t N>
word_list(const std::string_view (&)[N]) -> word_list<N>;

// Whether token i, of stem_size bytes with a listed word of that length, is one of the listed words.
template <std::size_t N>
bool is_one_of_its_length(const document& doc, std::size_t i, const word_list<N>& list) {
    const token& t = doc.at(i);
    const std::size_t from = list.start[t.stem_size], to = list.start[t.stem_size + 1u];
    if (t.stem_size <= 8) {
        for (std::size_t k = from; k < to; ++k)
            if (list.packed[k] == t.folded) return true;
        return false;
    }
    for (std::size_t k = from; k < to; ++k)
        if (doc.is(i, list.words[k])) return true;
    return false;
}

// Whether token i is one of the listed words. Most tokens have a length no listed word has: that
// test is inline in every caller, and the compares (is_one_of_its_length) are left to the compiler.
template <std::size_t N>
[[gnu::always_inline]] inline bool is_one_of(const document& doc, std::size_t i, const word_list<N>& list) {
    if (i >= doc.size()) return false;
    const std::size_t n = doc.at(i).stem_size;
    if (n > list.longest || list.start[n] == list.start[n + 1]) return false;
    return is_one_of_its_length(doc, i, list);
}

} // namespace naqsha::extract
