#include "extract/territory.hpp"

#include <algorithm>
#include <iterator>
#include <string_view>

namespace naqsha::extract {
namespace {

using lex::event_kind;

class clause {
public:
    clause(const document& d, std::size_t f, std::size_t l) : doc(d), first(f), last(l) {}

    // The change of hands told by the clause that turns on token i: a state held ("in Taliban
    // hands"), else what the word's verb (or noun: "the fall of", "the handover of") tells. Each
    // family of words reads its own clause below; the order of the tests matters where a word
    // belongs to two ("clear" a place, or "clear" the Taliban out of it).
    std::optional<territory_change> at(std::size_t i) const {
        const token& t = doc.at(i);
        if (t.kind != token_kind::word) return std::nullopt;
        if (auto held = held_by(i)) return held;
        // ("forced" has no lemma of its own: lexicon.cpp)
        const bool forced = !t.lemma && is(i, "forced");
        if (!t.lemma && !forced) return std::nullopt;
        std::string_view lemma = forced ? std::string_view("force") : lex::lemma_name(t.lemma);
        bool noun = is(i - 1, "the") || is(i - 1, "its") || is(i - 1, "their");
        // taken, and retaken
        if (auto kind = taking_kind(lemma); kind != event_kind::none) return captured(i, kind, noun);
        if (lemma == "take" || lemma == "gain" || (lemma == "wrest" && after_control(i + 1) != i + 1)) return taken(i, lemma, noun);
        // "cleared Arghandab district of Taliban fighters": clearing an operation's compound is no retaking
        if (lemma == "clear" && object(i + 1)) return cleared_of_hostiles(i);
        // "Jaghatu district was cleared of Taliban fighters"; "Taliban fighters have been cleared
        // from Jaghatu district"
        if (lemma == "clear" && !noun && passive_subject(i)) return cleared_of_hostiles(i);
        if (lemma == "clear" && !noun && after_passive_aux(i) && is(i + 1, "from") && object(i + 2) &&
            subject_side(i) == lex::side::hostile)
            return change(i, event_kind::recapture);
        // given up
        if (foreign_troops_leaving(i, lemma)) return std::nullopt;
        if (lemma == "abandon" || lemma == "evacuate" || lemma == "vacate" || lemma == "surrender") return abandoned(i, lemma);
        if (lemma == "withdraw" || lemma == "retreat" || lemma == "flee" || lemma == "withdrawal" || lemma == "relocate" ||
            (lemma == "pull" && (is(i + 1, "out") || is(i + 1, "back"))))
            return withdrew(i, lemma, noun);
        // "troops were airlifted out of the district centre": forces (not the wounded) taken out
        if (lemma == "airlift" && !noun && (is(i + 1, "out") || is(i + 1, "from")) && side_before(i) == lex::side::security)
            return withdrew(i, lemma, noun);
        // "Taliban sweep into Kabul", "marched into Herat": a side moving into a place unopposed
        // ("swept through the district centre": across it, taking it)
        if ((lemma == "sweep" || lemma == "march" || lemma == "roll" || lemma == "swarm" || lemma == "pour") && !noun &&
            (is(i + 1, "into") || (lemma == "sweep" && is(i + 1, "through"))) && object(i + 2))
            return taken_by_side_before(i);
        // "the Taliban claimed control of Shahrak district": a side claims a place it says it took
        if (lemma == "claim" && !noun && after_control(i + 1) != i + 1 && object(after_control(i + 1))) return taken_by_side_before(i);
        // "Afghan forces left the district centre": the forces' own leaving, never "the attack left
        // ten dead"
        if (lemma == "leave" && !noun && object(i + 1) && side_before(i) == lex::side::security)
            return given_up(i, change(i, event_kind::withdrawal));
        if (lemma == "lose") return lost(i, noun);
        if (lemma == "enter" && !noun && object(i + 1)) return entered(i);
        // "stormed the district centre after government troops pulled back": taken unopposed, as
        // entering it is (stormed in a fight, it is the attack the lexicon reads)
        if (lemma == "storm" && !noun && object(i + 1) && unopposed(i + 1)) return taken_by_side_before(i);
        if (lemma == "hand" && (is(i + 1, "over") || object(i + 1) || passive_subject(i))) return handed(i);
        // "the handover of Jaghatu district to the Taliban": a handover to anyone else (the security
        // transition's "handover of Helmand to Afghan forces") changes nothing between the two sides
        if (lemma == "handover" && is(i + 1, "of") && object(i + 2) && given_to_hostile(i + 2)) return handed_over(i);
        // "collapsed to the Taliban"; "the district centre collapsed" (a territory's collapse is its fall)
        if (lemma == "collapse" && is(i + 1, "to") && hostile_after(i + 2)) return taken_by_hostile(i, event_kind::seizure);
        if (lemma == "collapse" && !noun && subject(i) && named_territory_before(i)) return change(i, event_kind::seizure);
        // "the collapse of Almar district", as "the fall of" it
        if (lemma == "collapse" && noun && is(i + 1, "of") && object(i + 2)) return change(i, event_kind::seizure);
        if (lemma == "raise" || lemma == "hoist") return flag_raised(i);
        // "the Taliban pushed into Farah city", "into the outskirts of Herat": an advance into it (or
        // a part of it), whose outcome the clause does not tell
        if (lemma == "push" && !noun && is(i + 1, "into") && (object(i + 2) || part_of_territory(i + 2)) &&
            side_before(i) == lex::side::hostile)
            return change(i, event_kind::attack);
        if (lemma == "push" || lemma == "drive" || lemma == "expel" || lemma == "oust" || lemma == "evict" ||
            (lemma == "force" && !noun && !is(i + 1, "to")) || (lemma == "clear" && hostile_after(i + 1)))
            return driven_out(i, noun);
        if (lemma == "fall") return fell(i, noun);
        return std::nullopt;
    }

private:
    const document& doc;
    std::size_t first, last;

    territory_change change(std::size_t i, event_kind kind) const { return territory_change{static_cast<std::uint32_t>(i), kind, false}; }
    territory_change taken_by_hostile(std::size_t i, event_kind kind) const {
        auto c = change(i, kind);
        c.holder = lex::side::hostile;
        return c;
    }
    territory_change given_up(std::size_t i, territory_change c) const {
        c.positions = about_positions(i);
        return c;
    }

    // The verbs and nouns of taking a place, and of taking it back.
    static event_kind taking_kind(std::string_view lemma) {
        for (auto [name, kind] : {std::pair{"capture", event_kind::seizure}, {"seize", event_kind::seizure},
                                   {"overrun", event_kind::seizure}, {"conquer", event_kind::seizure},
                                   {"occupy", event_kind::seizure}, {"seizure", event_kind::seizure},
                                   {"takeover", event_kind::seizure}, {"retake", event_kind::recapture},
                                   {"recapture", event_kind::recapture}, {"regain", event_kind::recapture},
                                   {"liberate", event_kind::recapture}, {"reclaim", event_kind::recapture}})
            if (lemma == name) return kind;
        return event_kind::none;
    }

    // "captured the district centre", "Sangin was overrun", "the seizure of Kunduz"
    // "have captured nine provincial capitals so far", "have taken more than 50 of the country's 370
    // districts": a tally of places told in the perfect, none named, is an area claim ("overran two
    // districts on Wednesday" is news whose places come next)
    bool tally_of_places(std::size_t i, std::size_t o) const { return counted_object(o) && !names_a_place() && perfect(i); }
    // "have fallen", "has now captured": the verb at i in the perfect
    bool perfect(std::size_t i) const {
        return is(i - 1, "have") || is(i - 1, "has") || is(i - 2, "have") || is(i - 2, "has");
    }

    std::optional<territory_change> captured(std::size_t i, event_kind kind, bool noun) const {
        std::size_t o = after_control(i + 1);
        if (noun && is(o, "of")) ++o;
        if (tally_of_places(i, o)) return std::nullopt;
        if (object(o) || passive_subject(i)) return change(i, kind);
        // "retook parts of Helmand": coders take a part taken as the place taken (news-dev's
        // labels do), though no side holding a part of it says who holds the whole
        if (portion_of_territory(o)) return change(i, kind);
        return std::nullopt;
    }

    // "took control of", "taken over", "gained control of"; "took back the district"; "Taliban take
    // Jalrez district", where a side is the subject
    std::optional<territory_change> taken(std::size_t i, std::string_view lemma, bool noun) const {
        std::size_t o = after_control(i + 1);
        if (tally_of_places(i, is(o, "over") ? o + 1 : o)) return std::nullopt;
        if (o == i + 1) {
            if (is(o, "over") && lemma == "take") ++o;
            else if (is(o, "back") && lemma == "take")
                return object(o + 1) || portion_of_territory(o + 1) ? std::optional(change(i, event_kind::recapture)) : std::nullopt;
            else if (lemma == "take" && object(o) && side_before(i) == lex::side::hostile)
                return taken_by_hostile(i, event_kind::seizure);
            // "seize Sheberghan, a day after taking Zaranj": the gerund's subject is the clause's
            else if (lemma == "take" && object(o) && doc.at(i).inflection == morph::inflection::gerund &&
                     (is(i - 1, "after") || is(i - 1, "before")) && side_named_before(i) == lex::side::hostile)
                return taken_by_hostile(i, event_kind::seizure);
            // "Aybak was taken on Monday" (but "were taken to hospital", "taken hostage")
            else if (lemma == "take" && !noun && passive_subject(i) && !is(o, "to") && !is(o, "hostage") && !is(o, "away"))
                return change(i, event_kind::seizure);
            else return std::nullopt;
        }
        if (object(o) || (is(i + 1, "over") && passive_subject(i))) return change(i, event_kind::seizure);
        // "took control of large parts of Ghazni", as "captured parts of" reads
        if (portion_of_territory(o)) return change(i, event_kind::seizure);
        return std::nullopt;
    }

    // "cleared Arghandab district of Taliban fighters": retaken, when the clause names the
    // insurgents it was cleared of
    std::optional<territory_change> cleared_of_hostiles(std::size_t i) const {
        for (std::size_t k = i + 1; k < last && k < i + 12; ++k) {
            if (punct(k)) break;
            if (is(k, "of") && k + 1 < last && hostile_after(k + 1)) return change(i, event_kind::recapture);
        }
        return std::nullopt;
    }

    // foreign troops leaving a base or a province ("US troops began withdrawing from Helmand") is
    // a drawdown, which hands nothing to either side
    bool foreign_troops_leaving(std::size_t i, std::string_view lemma) const {
        return lex::gives_up(lemma) && (subject_side(i) == lex::side::coalition || side_before(i) == lex::side::coalition);
    }

    // "abandoned the district centre", "the base was evacuated", "surrendered the district to the Taliban"
    std::optional<territory_change> abandoned(std::size_t i, std::string_view lemma) const {
        if (object(i + 1) || passive_subject(i) || positions_in(i + 1)) return given_up(i, change(i, event_kind::withdrawal));
        if (lemma == "surrender" && is(i + 1, "to") && hostile_after(i + 2)) {
            // "four policemen surrendered to the Taliban": people give themselves up in a fight
            // the place is not told to be lost in
            if (people_surrendering(i)) return change(i, event_kind::attack);
            return given_up(i, taken_by_hostile(i, event_kind::withdrawal));
        }
        return std::nullopt;
    }

    // "withdrew from the district", "pulled out of Sangin", "retreated from their posts in Baharak"
    std::optional<territory_change> withdrew(std::size_t i, std::string_view lemma, bool noun) const {
        std::size_t o = i + 1;
        if (is(o, "out") || is(o, "back")) ++o;
        if ((is(o, "of") || is(o, "from")) && (object(o + 1) || positions_in(o + 1))) return given_up(i, change(i, event_kind::withdrawal));
        // "government forces fled Qaisar district"
        if (lemma == "flee" && !noun && object(o)) return given_up(i, change(i, event_kind::withdrawal));
        return std::nullopt;
    }

    // A place the side named before the verb moved into or claims: the Taliban's seizure, or the
    // government's recapture; a clause that names neither side tells no change.
    std::optional<territory_change> taken_by_side_before(std::size_t i) const {
        auto side = side_before(i);
        // "swept into the district centre but were pushed back": an attack turned back holds nothing
        if (turned_back_after(i)) return change(i, event_kind::attack);
        if (side == lex::side::hostile) return taken_by_hostile(i, event_kind::seizure);
        if (side == lex::side::security) return change(i, event_kind::recapture);
        return std::nullopt;
    }

    // "lost control of the district", given up to no one named; "lost Dawlat Abad district to the
    // insurgents", "lost control of Jalrez to the Taliban": the taker is told, and holds it
    // "Government forces lost Argo": the side that lost it is told; "Argo and Darayim were lost
    // (to the Taliban)": the place lost is the subject
    std::optional<territory_change> lost(std::size_t i, bool noun) const {
        if (!noun && passive_subject(i)) {
            if (given_to_hostile(i + 1)) return taken_by_hostile(i, event_kind::seizure);
            return change(i, event_kind::withdrawal);
        }
        std::size_t o = after_control(i + 1);
        bool control = o != i + 1;
        if (!object(o)) return std::nullopt;
        if (given_to_hostile(o)) return taken_by_hostile(i, event_kind::seizure);
        if (control || side_before(i) == lex::side::security) return change(i, event_kind::withdrawal);
        return std::nullopt;
    }

    // "entered the city of Zaranj without a fight": a place taken unopposed; entering with a fight
    // is an attack on it
    // "... but were pushed back", "but were repelled", "but were driven out": the movers turned
    // back after token i, in the same sentence
    bool turned_back_after(std::size_t i) const {
        static constexpr word_list turned{{"repelled", "repulsed", "expelled", "ejected"}};
        static constexpr word_list moved{{"pushed", "driven", "forced", "beaten", "thrown"}}; // ... back, ... out
        for (std::size_t k = i + 1; k < last && k < i + 20; ++k) {
            if (!is(k, "but")) continue;
            for (std::size_t j = k + 1; j < last && j < k + 5; ++j)
                if (is_one_of(doc, j, turned) || (is_one_of(doc, j, moved) && (is(j + 1, "back") || is(j + 1, "out")))) return true;
            return false;
        }
        return false;
    }

    std::optional<territory_change> entered(std::size_t i) const {
        if (turned_back_after(i)) return side_before(i) == lex::side::hostile ? std::optional(change(i, event_kind::attack)) : std::nullopt;
        if (unopposed(i + 1) || gone_before_they_entered(i)) return taken_by_side_before(i);
        // "Taliban fighters entered the city of Ghazni": an attack on it, whose outcome the
        // clause does not tell
        if (side_before(i) == lex::side::hostile) return change(i, event_kind::attack);
        return std::nullopt;
    }

    // "handed over the district to the Taliban", "handed the base over", "the district was handed
    // over to the Taliban": given to the Taliban, they hold it; given up to no one named, the forces
    // left it
    std::optional<territory_change> handed(std::size_t i) const {
        std::size_t o = is(i + 1, "over") ? i + 2 : i + 1;
        bool told = object(o) || passive_subject(i);
        if (!told) return std::nullopt;
        if (given_to_hostile(o)) return handed_over(i);
        // "Camp Bastion was handed over to the Afghan government": one ally to another, the
        // security transition, which changes nothing between the sides
        if (given_to_security(o)) return std::nullopt;
        return change(i, event_kind::withdrawal);
    }

    // "the Taliban raised their flag over the district governor's compound in Shortepa": the side
    // whose flag it is holds the place
    std::optional<territory_change> flag_raised(std::size_t i) const {
        std::size_t k = i + 1;
        while (k < last && k < i + 5 && !is(k, "flag") && !is(k, "flags")) ++k;
        if (k >= last || !(is(k, "flag") || is(k, "flags"))) return std::nullopt;
        bool place = false;
        // ("hoisted their flag in the main square of Kunduz city", "at the governor's office")
        if (is(k + 1, "over") || is(k + 1, "above") || is(k + 1, "on") || is(k + 1, "in") || is(k + 1, "at")) {
            std::size_t o = k + 2;
            place = object(o);
            for (std::size_t j = o; !place && j < last && j < o + 10 && !punct(j); ++j) place = (doc.at(j).shape & place_name) != 0;
        } else if (is(i - 1, "and")) {
            // "stormed the centre of Kohistanat district and hoisted their flag": over the
            // territory the verb before took
            place = territory_before_and(i - 1);
        }
        if (!place) return std::nullopt;
        auto side = is(i - 1, "and") ? subject_side(i) : side_before(i);
        bool hostile_flag = side == lex::side::hostile;
        for (std::size_t j = i + 1; j < k; ++j) hostile_flag = hostile_flag || is(j, "taliban") || is(j, "white");
        if (hostile_flag) return taken_by_hostile(i, event_kind::seizure);
        if (side == lex::side::security || is(k - 1, "national") || is(k - 1, "afghan")) return change(i, event_kind::recapture);
        return std::nullopt;
    }

    // "pushed the Taliban out of Darqad", "drove government forces from the district centre",
    // "troops were forced out of Shortepa": the side driven out has lost it
    std::optional<territory_change> driven_out(std::size_t i, bool noun) const {
        // "the Taliban were driven out of Pashtun Kot": driven out, they are the passive's subject
        lex::side driven = hostile_after(i + 1) ? lex::side::hostile : security_after(i + 1) ? lex::side::security : lex::side::none;
        bool passive = false;
        if (driven == lex::side::none && !noun && after_passive_aux(i)) driven = side_before(i), passive = true;

        for (std::size_t k = i + 1; k < last && k < i + 8; ++k) {
            if (punct(k)) break;
            bool out_of = is(k, "out") && is(k + 1, "of");
            if (!(out_of || is(k, "from"))) continue;
            std::size_t o = out_of ? k + 2 : k + 1;
            if (!object(o)) break;
            // "pushed the Taliban back from the gates of Lashkar Gah": an advance turned back, which
            // took nothing from anyone
            for (std::size_t b = i + 1; b < k; ++b)
                if (is(b, "back")) return change(i, event_kind::attack);
            if (driven == lex::side::hostile) return change(i, event_kind::recapture);
            // "government troops were pushed out of Garzewan" names no taker: the codebook's
            // withdrawal; "... by the Taliban" is the Taliban's seizure
            if (driven == lex::side::security)
                return passive && !agent_is_hostile(o) ? change(i, event_kind::withdrawal) : taken_by_hostile(i, event_kind::seizure);
            break;
        }
        // "briefly captured the district centre but were driven out": out of the territory the
        // clause before told, by the subject the clauses share
        if (passive && driven == lex::side::none && is(i + 1, "out") && !is(i + 2, "of") && !is(i + 2, "from") && territory_before(i)) {
            std::size_t k = i;
            while (k > first && (doc.at(k - 1).has(lex::aux) || adverb_like(doc, k - 1))) --k;
            if (k > first && (is(k - 1, "but") || is(k - 1, "and")) && side_named_before(k - 1) == lex::side::hostile)
                return change(i, event_kind::recapture);
        }
        return std::nullopt;
    }

    // "Darqad fell to the Taliban", "fell into the hands of", "the fall of Sangin"
    std::optional<territory_change> fell(std::size_t i, bool noun) const {
        // "11 of the 16 districts have fallen", a tally; but "Three districts in Badakhshan fell on
        // Monday", told in the past of a province named, is news of them
        if (!noun && counted_subject(i) && (perfect(i) || !names_a_place() || partitive_count(i))) return std::nullopt;
        if (noun && is(i + 1, "of") && object(i + 2)) return change(i, event_kind::seizure);
        if ((is(i + 1, "to") || is(i + 1, "into")) && (hostile_after(i + 2) || (is(i + 2, "the") && is(i + 3, "hands"))))
            return taken_by_hostile(i, event_kind::seizure);
        if (!noun && subject(i)) return change(i, event_kind::seizure);
        // "On Sunday it fell", "it fell late on Monday": the place told before; but "it fell on a
        // house" is a shell's fall, and "it fell short" no place's
        if (!noun && is(i - 1, "it") && fall_ends_clause(i + 1)) return change(i, event_kind::seizure);
        return std::nullopt;
    }

    bool in(std::size_t i) const { return i >= first && i < last; }
    bool is(std::size_t i, std::string_view w) const { return in(i) && doc.is(i, w); }
    bool punct(std::size_t i) const {
        const token& t = doc.at(i);
        return t.kind == token_kind::punct && (t.ch == '.' || t.ch == ';' || t.ch == ',' || t.ch == ':' || t.ch == '(');
    }

    // Words that name territory: "the district centre", "the provincial capital", "a border crossing".
    bool territory_word(std::size_t i) const {
        static constexpr word_list words{{"district", "districts", "centre", "center", "headquarters", "hq", "city", "town", "capital",
                                          "base", "bases", "airbase", "airfield", "airport", "camp", "garrison", "province", "crossing", "port", "seat",
                                          "capitals", "cities", "towns", "dc"}}; // ("the Jawand DC": its district centre)
        if (is(i, "valley")) return in(i - 1) && (doc.at(i - 1).shape & place_name); // "the Andarab valley", a known place
        return in(i) && is_one_of(doc, i, words);
    }
    bool territory(std::size_t i) const {
        if (!in(i)) return false;
        if (territory_word(i)) return true;
        if (!(doc.at(i).shape & place_name)) return false;
        // a place name heads the phrase, unless a noun follows it: "their Logar group", "the Kabul
        // Conference" name no territory
        std::size_t k = i + 1;
        while (in(k) && (doc.at(k).shape & place_name)) ++k;
        if (!in(k)) return true;
        const token& t = doc.at(k);
        // ("entered Aqcha unopposed": a participle the lexicon does not know is no noun)
        const bool participle = t.kind == token_kind::word && t.flags == 0 && !(t.shape & capitalized) && doc.stem(k).ends_with("ed");
        return t.kind != token_kind::word || territory_word(k) || participle || is(k, "peacefully") ||
               t.has(lex::preposition | lex::conjunction | lex::time_word | lex::verb | lex::aux | lex::relative | lex::adverb |
                     lex::month | lex::weekday | lex::speech | lex::predicate);
    }

    // "the governor's compound", "the governor's office", "government buildings": the seat of a
    // district's or province's government, whose taking takes the district centre or the city
    bool seat_of_government(std::size_t i) const {
        static constexpr word_list seats{{"compound", "office", "offices", "headquarters", "residence", "palace"}};
        static constexpr word_list buildings{{"buildings", "offices", "compound", "headquarters"}};
        if (is(i, "government") && in(i + 1) && is_one_of(doc, i + 1, buildings)) return true;
        return (doc.at(i).shape & possessive) && doc.stem(i) == "governor" && in(i + 1) && is_one_of(doc, i + 1, seats);
    }

    // "the outskirts of Herat city", "parts of Lashkar Gah": a portion word, then the territory
    // (past "the") within a few words
    bool part_of_territory(std::size_t o) const {
        std::size_t k = is(o, "the") ? o + 1 : o;
        if (!portion(k)) return false;
        k += 2;
        return object(k);
    }

    bool portion(std::size_t i) const {
        static constexpr word_list words{{"areas", "parts", "part", "pockets", "villages", "outskirts", "swathes", "stretches"}};
        return is_one_of(doc, i, words) && in(i + 1) && is(i + 1, "of");
    }

    // "security posts in Teshkan district were abandoned", "withdrew from checkpoints in Baharak":
    // the forces left positions in the district, which is still fought over, not given up
    bool about_positions(std::size_t i) const {
        for (std::size_t k = i > first + 16 ? i - 16 : first; k < last && k < i + 10; ++k)
            if (position_word(k)) return true;
        return false;
    }
    // "their posts in Baharak district": positions in a territory, which forces give up (taking them
    // is fighting for the territory, not taking it)
    bool positions_in(std::size_t o) const {
        for (std::size_t k = o; k < last && k < o + 4; ++k) {
            if (position_word(k)) return (is(k + 1, "in") || is(k + 1, "across") || is(k + 1, "around")) && object(k + 2);
            if (!doc.at(k).has(lex::determiner) && !(doc.at(k).kind == token_kind::word && doc.at(k).flags == 0)) return false;
        }
        return false;
    }
    bool position_word(std::size_t k) const {
        static constexpr word_list words{{"post", "posts", "outpost", "outposts", "checkpoint", "checkpoints",
                                          "checkposts", "positions"}};
        return in(k) && is_one_of(doc, k, words);
    }

    bool portion_of_territory(std::size_t o) const {
        for (std::size_t k = o; k < last && k < o + 3; ++k)
            if (portion(k)) return object(k + 2);
        return false;
    }

    // "control of", "full control over": the words between a verb of taking, holding or losing and
    // the place; the token after them, or o when they are not there.
    std::size_t after_control(std::size_t o) const {
        std::size_t k = o;
        if (is(k, "full") || is(k, "complete") || is(k, "effective") || is(k, "total")) ++k;
        if (is(k, "control") && (is(k + 1, "of") || is(k + 1, "over"))) return k + 2;
        return o;
    }

    // The object from token o: a territory before the clause ends or another verb begins.
    bool object(std::size_t o) const {
        // "overran the district centre on Monday; government forces retook it": the territory told
        // before in the sentence
        if (is(o, "it") && territory_before(o)) return true;
        for (std::size_t k = o; k < last && k < o + 8; ++k) {
            const token& t = doc.at(k);
            if (punct(k) && !(k == o + 1 && t.is_punct(','))) return false;
            if (territory(k)) return true;
            if (t.kind != token_kind::word) continue;
            // "parts of the district", "the Taliban-controlled areas of Nawa": a portion of it,
            // which no side holding or taking changes the district's state
            if (portion(k)) return false;
            if (seat_of_government(k)) return true;
            // "at least five districts": a figure's qualifier, not a place's preposition
            if (is(k, "at") && (is(k + 1, "least") || is(k + 1, "most"))) {
                ++k;
                continue;
            }
            // ("the besieged district centre": a participle after "the" describes the place)
            const bool attributive = k > first && doc.at(k - 1).has(lex::determiner) && t.inflection == morph::inflection::past;
            if (t.has(lex::person | lex::pronoun | lex::verb | lex::predicate | lex::relative) && !t.has(lex::side_word) &&
                !attributive)
                return false;
            if (t.has(lex::preposition) && !is(k, "of")) return false;
        }
        return false;
    }

    bool territory_before(std::size_t o) const {
        for (std::size_t k = first; k < o; ++k)
            if (territory(k) && !people_of(k)) return true;
        return false;
    }

    // A territory before token i in its clause: "Darqad district in Takhar province fell". Several
    // districts ("11 of the 16 districts have been controlled by the Taliban") are an area claim.
    bool subject(std::size_t i) const {
        std::size_t reach = 12; // words read back, past any aside
        for (std::size_t k = i; k > first && k + reach > i; --k) {
            // "Doshi district, which had fallen on Monday, was retaken": past a relative clause set
            // apart by commas
            if (doc.at(k - 1).is_punct(',') && k >= first + 2) {
                std::size_t open = k - 1;
                while (open > first && open + 16 > k && !doc.at(open - 1).is_punct(',')) --open;
                if (open > first + 1 && doc.at(open - 1).is_punct(',') && (is(open, "which") || is(open, "who"))) {
                    reach += k - open;
                    k = open; // the loop steps to the comma before the clause, and past it
                    continue;
                }
            }
            if (punct(k - 1) && !doc.at(k - 1).is_punct(',')) return false;
            if (doc.at(k - 1).has(lex::verb | lex::predicate) || doc.at(k - 1).has(lex::conjunction)) return false;
            // "11 of the 16 districts have fallen" is an area claim; "Burka and Dahana-e-Ghori districts
            // fell" names its territories
            // ... and "Three districts in Badakhshan fell on Monday", told in the past of a province
            // named, is news of them, as "captured two districts in Badakhshan" is
            if (is(k - 1, "districts") || is(k - 1, "provinces"))
                return k >= first + 2 && ((doc.at(k - 2).shape & place_name) || (count_word(k - 2) && !perfect(i) && names_a_place() && !partitive_count(i))) &&
                       !people_of(k - 1);
            if (territory(k - 1)) return !people_of(k - 1);
        }
        return false;
    }

    // "Eleven of the 16 districts have fallen", "dozens of districts fell": a count, which is an
    // area claim (extract/area_claims.cpp), not a change in any one district
    // A counted group of people right before the verb at i: "Four policemen surrendered", "dozens
    // of soldiers have surrendered"
    // A number, a number word or a vague amount ("dozens", "several"): what counts people or places.
    bool count_word(std::size_t k) const {
        const token& t = doc.at(k);
        return t.kind == token_kind::number || t.has(lex::number) || is(k, "dozens") || is(k, "hundreds") || is(k, "several") ||
               is(k, "many") || is(k, "scores");
    }

    bool people_surrendering(std::size_t i) const {
        for (std::size_t k = i; k > first && k + 6 > i; --k) {
            const token& t = doc.at(k - 1);
            if (punct(k - 1) || t.has(lex::preposition | lex::verb)) {
                if (!is(k - 1, "of")) return false;
                continue;
            }
            if (count_word(k - 1)) return true;
        }
        return false;
    }

    // "11 of the 16 districts", "most of its districts": a part of a whole counted, before the verb at i
    // A place's name at token k that is not in the possessive: "districts of Kunduz", not "five of
    // Kunduz's districts"
    bool province_of_districts(std::size_t k) const {
        if (k >= last || !(doc.at(k).shape & place_name)) return false;
        while (k + 1 < last && (doc.at(k + 1).shape & place_name)) ++k;
        return !(doc.at(k).shape & possessive);
    }

    // ("two districts of Kunduz fell": the province whose districts they are, no whole counted)
    bool partitive_count(std::size_t i) const {
        for (std::size_t k = i; k > first && k + 10 > i; --k) {
            if (punct(k - 1)) return false;
            if (is(k - 1, "of") && !province_of_districts(k)) return true;
        }
        return false;
    }
    bool counted_subject(std::size_t i) const {
        for (std::size_t k = i; k > first && k + 10 > i; --k) {
            if (punct(k - 1)) return false;
            if (!(is(k - 1, "districts") || is(k - 1, "provinces"))) continue;
            for (std::size_t j = k - 1; j > first && j + 5 > k; --j)
                if (count_word(j - 1)) return true;
            return false;
        }
        return false;
    }

    // "the district centre collapsed", not "a tower of the citadel of Ghazni collapsed": a word for
    // territory, not only a place's name, in the subject
    bool named_territory_before(std::size_t i) const {
        for (std::size_t k = i; k > first && k + 12 > i; --k) {
            if (punct(k - 1) && !doc.at(k - 1).is_punct(',')) return false;
            if (territory_word(k - 1)) return true;
        }
        return false;
    }

    // "prisoners of Guantanamo base were liberated", "the commander of the district was captured":
    // the territory completes a noun for people, who are the subject
    bool people_of(std::size_t t) const {
        std::size_t k = t;
        while (k > first && (doc.at(k - 1).has(lex::determiner) || (doc.at(k - 1).shape & (place_name | capitalized)) ||
                             territory_word(k - 1)))
            --k;
        if (k <= first + 1 || !is(k - 1, "of")) return false;
        return doc.at(k - 2).has(lex::person);
    }

    // "the district was captured (by the Taliban)": a passive verb group with a territory subject.
    bool passive_subject(std::size_t i) const {
        if (!after_passive_aux(i)) return false;
        std::size_t k = i;
        while (k > first && (doc.at(k - 1).has(lex::aux) || adverb_like(doc, k - 1))) --k;
        // "Kang district fell on Sunday but was retaken on Monday": the subject the clauses share
        if (k > first + 1 && (is(k - 1, "but") || is(k - 1, "and")))
            for (std::size_t v = k - 1; v > first && v + 12 > k; --v)
                if (doc.at(v - 1).has(lex::verb | lex::territorial) && doc.at(v - 1).inflection == morph::inflection::past)
                    return subject(v - 1);
        return subject(k);
    }

    // "was taken", "were quickly driven": a form of "be" before the participle at i
    bool after_passive_aux(std::size_t i) const {
        std::size_t k = i;
        while (k > first && adverb_like(doc, k - 1)) --k;
        return is(k - 1, "was") || is(k - 1, "were") || is(k - 1, "been") || is(k - 1, "is") || is(k - 1, "are") || is(k - 1, "be");
    }

    // "... to the Taliban" later in the clause that gives a place up.
    bool given_to_hostile(std::size_t from) const {
        for (std::size_t k = from; k < last && k < from + 12; ++k) {
            if (punct(k) && !doc.at(k).is_punct(',')) return false;
            if (is(k, "to") && hostile_after(k + 1)) return true;
        }
        return false;
    }

    territory_change handed_over(std::size_t i) const {
        territory_change c{static_cast<std::uint32_t>(i), event_kind::seizure, false, lex::side::hostile};
        c.handover = true;
        return c;
    }

    // The Taliban, insurgents, militants, the enemy: who takes what the government gives up.
    bool security_after(std::size_t k) const {
        for (std::size_t j = k; j < last && j < k + 4; ++j) {
            const token& t = doc.at(j);
            if (t.has(lex::side_word | lex::person) && t.side == lex::side::security) return true;
            if (!t.has(lex::determiner) && !(t.flags == 0 && t.kind == token_kind::word)) return false;
        }
        return false;
    }

    // What may follow a place's fall told of by "it": nothing, or when it fell
    bool fall_ends_clause(std::size_t k) const {
        if (!in(k) || punct(k)) return true;
        const token& t = doc.at(k);
        if (t.has(lex::weekday | lex::month | lex::time_word) || is(k, "late") || is(k, "early") || is(k, "after") ||
            is(k, "overnight") || is(k, "yesterday") || is(k, "today"))
            return true;
        if (is(k, "on") && in(k + 1)) return doc.at(k + 1).has(lex::weekday | lex::month) || doc.at(k + 1).kind == token_kind::number;
        return false;
    }

    // "without a fight", "without any resistance", "without firing a shot", "unopposed"
    bool unopposed(std::size_t from) const {
        static constexpr word_list words{{"fight", "fighting", "resistance", "shot", "battle", "struggle", "clash", "clashes"}};
        for (std::size_t k = from; k < last && k < from + 18; ++k) {
            // "entered the district centre after security forces left": the defenders had gone
            // ("entered Kabul as President Ghani fled": the government gone)
            if ((is(k, "after") || is(k, "as")) && defenders_gone(k + 1)) return true;
            if (is(k, "unopposed") || is(k, "unchallenged") || is(k, "peacefully")) return true;
            if (!is(k, "without")) continue;
            for (std::size_t j = k + 1; j < last && j < k + 4; ++j)
                if (is_one_of(doc, j, words)) return true;
            return false;
        }
        return false;
    }

    // "... by the Taliban": a passive's agent, after token o and within its clause
    bool agent_is_hostile(std::size_t o) const {
        for (std::size_t k = o; k < last && k < o + 10; ++k) {
            if (punct(k) && !doc.at(k).is_punct(',')) return false;
            if (is(k, "by")) return hostile_after(k + 1);
        }
        return false;
    }

    // "The governor fled to Kabul as Taliban fighters entered Jalalabad", "As government forces
    // withdrew, the Taliban entered the city": the defenders gone in the clause before "as" or
    // "after" that the entering verb at i ends
    bool gone_before_they_entered(std::size_t i) const {
        for (std::size_t k = i; k > first && k + 10 > i; --k) {
            if (!(is(k - 1, "as") || is(k - 1, "after"))) continue;
            // ("As government forces withdrew, ...": the fronted clause after "as")
            if (k - 1 == first) return defenders_gone(k);
            return defenders_gone(first);
        }
        return false;
    }

    // "security forces left", "government troops had withdrawn": the defenders leaving, from token k
    bool defenders_gone(std::size_t k) const {
        bool defenders = false;
        for (std::size_t j = k; j < last && j < k + 6; ++j) {
            const token& t = doc.at(j);
            if ((t.has(lex::side_word | lex::person) && t.side == lex::side::security) || is(j, "president") || is(j, "governor") ||
                is(j, "government"))
                defenders = true;
            else if (defenders && lex::gives_up(lex::lemma_name(t.lemma)))
                return t.inflection != morph::inflection::gerund;
            else if (punct(j)) return false;
        }
        return false;
    }

    // A territory in the clause that ends at the "and" at token a: "stormed the district centre and".
    bool territory_before_and(std::size_t a) const {
        for (std::size_t k = a; k > first && k + 12 > a; --k) {
            if (punct(k - 1) && !doc.at(k - 1).is_punct(',')) return false;
            if (territory(k - 1) && !people_of(k - 1)) return true;
        }
        return false;
    }

    // The side of the clause's subject, for a verb joined to an earlier one by "and": "Taliban
    // gunmen stormed the centre and hoisted"
    lex::side subject_side(std::size_t i) const {
        for (std::size_t k = first; k < i; ++k) {
            const token& t = doc.at(k);
            if (punct(k) && !t.is_punct(',')) return lex::side::none;
            if (t.has(lex::verb)) break;
            if (t.has(lex::side_word | lex::person) && t.side != lex::side::none)
                return taking_side(t.side);
        }
        return lex::side::none;
    }

    // Who holds what a side takes: Islamic State's fighters count with the Taliban's
    static lex::side taking_side(lex::side s) { return s == lex::side::isk ? lex::side::hostile : s; }

    // The side named just before the verb: "Taliban take", "the Taliban fighters have taken"
    lex::side side_before(std::size_t i) const {
        // ("security forces were forced to leave the district": who had to)
        static constexpr word_list compelled{{"forced", "compelled", "obliged", "ordered", "had", "decided", "chose"}};
        for (std::size_t k = i; k > first && k + 8 > i; --k) {
            if (is(k - 1, "to") && k - 1 > first && is_one_of(doc, k - 2, compelled)) {
                --k;
                continue;
            }
            const token& t = doc.at(k - 1);
            if (t.has(lex::side_word | lex::person) && t.side != lex::side::none)
                return taking_side(t.side);
            // "the Taliban said they had taken": the pronoun stands for the side named before it
            if (anaphor(k - 1)) return side_named_before(k - 1);
            // "The Taliban on Saturday took ...": past when it happened
            if (t.has(lex::weekday | lex::month | lex::time_word) ||
                (t.has(lex::preposition) && doc.at(k).has(lex::weekday | lex::month | lex::time_word)))
                continue;
            if (punct(k - 1) || t.has(lex::verb | lex::preposition)) break;
        }
        return lex::side::none;
    }

    // "they", "the group", "the movement": a subject standing for a side named earlier ("a Taliban
    // spokesman said the group now controlled ...")
    bool anaphor(std::size_t k) const {
        return is(k, "they") || ((is(k, "group") || is(k, "movement")) && k > first && is(k - 1, "the"));
    }

    // The nearest side named before token p in its sentence.
    lex::side side_named_before(std::size_t p) const {
        for (std::size_t k = p; k > first && k + 16 > p; --k) {
            const token& t = doc.at(k - 1);
            if (!t.has(lex::side_word | lex::person) || t.side == lex::side::none) continue;
            // ("Taliban forces": the side named before the forces is theirs)
            if (k >= first + 2 && doc.at(k - 2).has(lex::side_word) && lex::insurgent(doc.at(k - 2).side))
                return taking_side(doc.at(k - 2).side);
            return taking_side(t.side);
        }
        return lex::side::none;
    }

    bool given_to_security(std::size_t from) const {
        for (std::size_t k = from; k < last && k < from + 12; ++k) {
            if (punct(k)) return false;
            if (!is(k, "to")) continue;
            for (std::size_t j = k + 1; j < last && j < k + 5; ++j) {
                const token& t = doc.at(j);
                if (t.has(lex::side_word | lex::person) && t.side == lex::side::security) return true;
                if (is(j, "government")) return true;
            }
            return false;
        }
        return false;
    }

    bool hostile_after(std::size_t k) const {
        for (std::size_t j = k; j < last && j < k + 4; ++j) {
            const token& t = doc.at(j);
            if (names_insurgents(t)) return true;
            if (!t.has(lex::determiner) && !(t.flags == 0 && t.kind == token_kind::word)) return false;
        }
        return false;
    }

    bool names_a_place() const {
        for (std::size_t k = first; k < last; ++k)
            if (doc.at(k).shape & place_name) return true;
        return false;
    }

    // "10 of Faryab's 14 districts", "dozens of districts": a count of them, an area claim
    // (extract/area_claims.cpp), which names no district's state
    bool counted_object(std::size_t o) const {
        bool counted = false;
        for (std::size_t k = o; k < last && k < o + 8 && !punct(k); ++k) {
            if (count_word(k)) counted = true;
            if (is(k, "districts") || is(k, "provinces") || is(k, "capitals") || is(k, "cities") || is(k, "towns")) return counted;
        }
        return false;
    }

    // "all of Badakhshan province", "the whole province": no district's state, a claim about an area
    bool whole_province(std::size_t o) const {
        for (std::size_t k = o; k < last && k < o + 4; ++k)
            if (is(k, "all") || is(k, "whole") || is(k, "entire") || is(k, "most") || is(k, "much")) return true;
        return false;
    }

    // A territory held, told at token `at`: by the hostile side or by the government. "is now in
    // Taliban hands": a state newly reached, which is how a fall is often told
    territory_change held_state(std::size_t at, bool hostile) const {
        bool now = false;
        for (std::size_t k = at; k > first && k + 8 > at && !now && !punct(k - 1); --k) now = is(k - 1, "now");
        return territory_change{static_cast<std::uint32_t>(at), hostile ? event_kind::seizure : event_kind::recapture, !now,
                                hostile ? lex::side::hostile : lex::side::security};
    }

    // The holder token k names: 1 the hostile side, 0 the government, -1 neither.
    int holder_at(std::size_t k) const {
        const token& t = doc.at(k);
        if (!in(k) || !t.has(lex::side_word | lex::person)) return -1;
        if (lex::insurgent(t.side)) return 1;
        if (t.side == lex::side::security) return 0;
        return -1;
    }

    // The holder named after the preposition at token `preposition`: "of the Taliban", "by government forces".
    int holder_after(std::size_t preposition) const { return holder_at(is(preposition + 1, "the") ? preposition + 2 : preposition + 1); }

    // "Taliban-held Sangin", "Taliban-controlled areas": the word before the hyphen says who
    std::optional<territory_change> held_by_compound(std::size_t i, std::string_view holder_word) const {
        const auto& holder = lex::lookup(holder_word);
        bool hostile = lex::insurgent(holder.side);
        if ((hostile || holder.side == lex::side::security) && object(i + 1)) return held_state(i, hostile);
        return std::nullopt;
    }

    // "in Taliban hands", "in the hands of the Taliban"
    std::optional<territory_change> in_hands(std::size_t i) const {
        if (!is(i, "hands") || !is(i - 2, "in")) return std::nullopt;
        int s = is(i + 1, "of") ? holder_after(i + 1) : holder_at(i - 1);
        if (s >= 0 && subject(i)) return held_state(i, s == 1);
        return std::nullopt;
    }

    // "under Taliban control", "under the control of the government"; "came under Taliban control",
    // "was brought under the control of the Taliban": a change
    std::optional<territory_change> under_control(std::size_t i) const {
        if (!is(i, "control") || !is(i - 2, "under")) return std::nullopt;
        int s = holder_at(i - 1);
        if (s < 0 && is(i - 1, "the") && is(i + 1, "of")) s = holder_after(i + 1);
        const bool came = is(i - 3, "came") || is(i - 3, "come") || is(i - 3, "comes") || is(i - 3, "brought");
        // ("Shirin Tagab came under Taliban control": the name right before the verb, which the
        // lexicon does not know)
        std::size_t before = i - 3;
        while (came && before > first && (doc.at(before - 1).has(lex::aux | lex::adverb) || is(before - 1, "now"))) --before;
        std::size_t name = before;
        while (name > first && (doc.at(name - 1).shape & place_name)) --name;
        // (not a part of it: "villages in Shirin Tagab came under ...")
        const bool named_subject = came && name < before && (name == first || !doc.at(name - 1).has(lex::preposition));
        if (s < 0 || !(subject(i - 2) || named_subject)) return std::nullopt;
        auto held = held_state(i, s == 1);
        held.state = held.state && !came;
        return held;
    }

    // "the Taliban are now in control of Sheberghan": who holds it, a change when "now"
    std::optional<territory_change> in_control_of(std::size_t i) const {
        const bool in_control = is(i, "control") && (is(i - 1, "in") || (is(i - 2, "in") && after_control(i - 1) == i + 2));
        if (!in_control || after_control(i) != i + 2 || !object(i + 2)) return std::nullopt;
        std::size_t k = is(i - 1, "in") ? i - 1 : i - 2;
        while (k > first && (doc.at(k - 1).has(lex::adverb | lex::aux) || is(k - 1, "now") || is(k - 1, "still") ||
                             is(k - 1, "remain") || is(k - 1, "remains") || is(k - 1, "firmly")))
            --k;
        int s = k > first ? holder_at(k - 1) : -1;
        if (s >= 0) return held_state(i, s == 1);
        return std::nullopt;
    }

    // "the government still holds the district centre", "the Taliban control Sangin": a side as
    // subject, a territory as object (a province's whole is an area claim, read elsewhere)
    std::optional<territory_change> holds(std::size_t i) const {
        static const std::uint16_t hold = lex::lemma_id("hold"), control = lex::lemma_id("control");
        if (!(doc.lemma_is(i, hold) || doc.lemma_is(i, control)) || doc.at(i).inflection == morph::inflection::gerund ||
            is(i - 1, "the") || is(i - 1, "under"))
            return std::nullopt;
        std::size_t k = i;
        while (k > first && (doc.at(k - 1).has(lex::adverb | lex::aux) || is(k - 1, "now") || is(k - 1, "still") ||
                             is(k - 1, "already")))
            --k;
        int s = k > first ? holder_at(k - 1) : -1;
        if (s < 0 && k > first && anaphor(k - 1)) {
            auto named = side_named_before(k - 1);
            s = named == lex::side::hostile ? 1 : named == lex::side::security ? 0 : -1;
        }
        if (s >= 0 && object(i + 1) && !whole_province(i + 1) && !counted_object(i + 1)) return held_state(i, s == 1);
        return std::nullopt;
    }

    // "controlled by the Taliban"
    std::optional<territory_change> controlled_by(std::size_t i) const {
        if (!is(i, "controlled") || !is(i + 1, "by")) return std::nullopt;
        int s = holder_after(i + 1);
        if (s >= 0 && subject(i)) return held_state(i, s == 1);
        return std::nullopt;
    }

    // "in Taliban hands", "in the hands of the Taliban", "under Taliban control", "under the control
    // of the government", "controlled by the Taliban", "Taliban-held Sangin": who holds a territory.
    std::optional<territory_change> held_by(std::size_t i) const {
        const auto word = doc.stem(i);
        for (std::string_view suffix : {"-held", "-controlled"})
            if (word.size() > suffix.size() && equals_lower(word.substr(word.size() - suffix.size()), suffix))
                return held_by_compound(i, word.substr(0, word.size() - suffix.size()));
        if (auto held = in_hands(i)) return held;
        if (auto held = under_control(i)) return held;
        if (auto held = in_control_of(i)) return held;
        if (auto held = holds(i)) return held;
        return controlled_by(i);
    }
};

} // namespace

std::optional<territory_change> territory_change_at(const document& doc, std::size_t first, std::size_t last, std::size_t i) {
    return clause(doc, first, last).at(i);
}

} // namespace naqsha::extract
