#include "extract/tally.hpp"

#include "base/spare_buffer.hpp"

#include <algorithm>
#include <array>

namespace naqsha::extract {
namespace {

constexpr std::size_t field_count = 5;

std::size_t field_index(lex::field f) { return static_cast<std::size_t>(f); }

std::optional<casualty_field> claimed_field(lex::field f) {
    switch (f) {
    case lex::field::killed: return casualty_field::killed;
    case lex::field::wounded: return casualty_field::wounded;
    case lex::field::missing: return casualty_field::missing;
    case lex::field::captured: return casualty_field::captured;
    case lex::field::none: break;
    }
    return std::nullopt;
}

bool names_perpetrator(const document& doc, const person_phrase& ph);
bool named_by_the_deed(const document& doc, const person_phrase& ph);
bool same_word(std::string_view a, std::string_view b);

// "gunmen", "attackers": men told by their arms or their deed, whatever side they are of
bool armed_men(std::string_view key) {
    static constexpr std::string_view words[] = {"gunmen", "attackers", "assailants", "bombers", "shooters", "fighters", "militants"};
    return std::any_of(std::begin(words), std::end(words), [&](std::string_view w) { return same_word(key, w); });
}

struct entity {
    std::string_view key;
    std::string_view name;
    int low = 0, high = 0;
    bool counted = false;   // the text gives a number for it
    bool vague = false;
    bool plural = false;
    bool role = false;
    lex::side side = lex::side::none;
    int parent = -1;        // the group a partitive ("two of the men") is part of
    bool indefinite = true; // introduced as new people ("multiple insurgents"), not as a reference
    bool among = false;     // said to be among a group counted ("X and Y were among those killed")
    std::uint32_t sentence = 0;
    std::array<bool, field_count> in_lead{}, in_narrative{};
    std::array<bool, field_count> in_body_lead{}; // in_lead by the story's lead, not only its headline
};

// Two words the same but for letter case.
bool same_word(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if ((a[i] | 0x20) != (b[i] | 0x20)) return false;
    return true;
}

// Who each noun phrase is, across the sentences of one incident.
class entity_table {
public:
    // an incident's people are a few phrases: room for them at once, not by doubling from one
    // (eight: with four, a tenth of the bench's incidents grew the table)
    entity_table() {
        all.reserve(8);
        recent.reserve(8);
    }

    std::vector<entity> all;

    std::uint32_t sentence = 0; // the sentence being read

    int resolve(const document& doc, const person_phrase& ph) {
        if (ph.name) return resolve_name(ph);
        if (ph.pronoun && ph.partitive) return resolve_part_of_them(doc, ph);
        if (ph.pronoun) return resolve_pronoun(ph);
        if (ph.partitive) return resolve_partitive(doc, ph);
        if (ph.definite) return resolve_definite(doc, ph);
        return introduce(ph);
    }

private:
    std::vector<int> recent; // entities in order of their latest mention

    int remember(int id) {
        recent.erase(std::remove(recent.begin(), recent.end(), id), recent.end());
        recent.push_back(id);
        return id;
    }

    // new people, as the phrase presents them
    int introduce(const person_phrase& ph) {
        entity e;
        e.key = ph.key;
        e.plural = ph.plural;
        e.indefinite = !ph.definite && !ph.pronoun;
        e.sentence = sentence;
        e.role = ph.role;
        e.side = ph.side;
        if (ph.name) e.name = ph.key;
        if (ph.count) {
            e.low = ph.count->low;
            e.high = ph.count->high;
            e.counted = true;
            e.vague = ph.count->vague;
        }
        all.push_back(e);
        return remember(static_cast<int>(all.size() - 1));
    }

    // a name: whoever was named so before
    int resolve_name(const person_phrase& ph) {
        for (std::size_t i = all.size(); i-- > 0;)
            if (!all[i].name.empty() && same_word(all[i].name, ph.key)) return remember(static_cast<int>(i));
        return introduce(ph);
    }

    // "he", "them": the latest counted person, or group, of that number
    int resolve_pronoun(const person_phrase& ph) {
        int found = latest_counted_like(ph);
        return found >= 0 ? remember(found) : introduce(ph);
    }
    // The group told last that a pronoun of ph's number can stand for: counted, and one person for "he"
    int latest_counted_like(const person_phrase& ph) const {
        for (auto it = recent.rbegin(); it != recent.rend(); ++it) {
            const auto& e = all[static_cast<std::size_t>(*it)];
            if (ph.plural ? (e.plural && e.counted) : (!e.plural && e.counted && e.low == 1)) return *it;
        }
        return -1;
    }

    // "killing eight soldiers ... Soldiers drove off the attackers, killing 20 of them": "them" are
    // the people named nearest before it in its sentence, when the group counted last is of another
    // side ("ambushed a group of soldiers, killing three of them", though no figure counted them)
    int resolve_part_of_them(const document& doc, const person_phrase& ph) {
        lex::side nearest = lex::side::none;
        for (std::size_t k = ph.first; k > doc.sentences()[sentence].first; --k) {
            const token& t = doc.at(k - 1);
            if (t.has(lex::person) && t.has(lex::plural) && !t.has(lex::pronoun)) {
                nearest = t.side;
                break;
            }
        }
        if (nearest == lex::side::none) return resolve_pronoun(ph);
        int found = latest_counted_like(ph);
        if (found >= 0 && all[static_cast<std::size_t>(found)].side == nearest) return remember(found);
        return introduce_on_side(ph, nearest);
    }
    int introduce_on_side(const person_phrase& ph, lex::side side) {
        int id = introduce(ph);
        if (all[static_cast<std::size_t>(id)].side == lex::side::none) all[static_cast<std::size_t>(id)].side = side;
        return id;
    }

    // "two of the men", "20 of them": new people, part of the latest group they can be taken from
    int resolve_partitive(const document& doc, const person_phrase& ph) {
        int parent = -1;
        for (auto it = recent.rbegin(); it != recent.rend() && parent < 0; ++it) {
            const auto& e = all[static_cast<std::size_t>(*it)];
            if (!e.plural) continue;
            if (doc.at(ph.head).has(lex::pronoun) || same_word(e.key, ph.key)) parent = *it;
        }
        int id = introduce(ph);
        all[static_cast<std::size_t>(id)].parent = parent;
        // "20 of them", of the attackers: on the attackers' side
        if (parent >= 0 && all[static_cast<std::size_t>(id)].side == lex::side::none)
            all[static_cast<std::size_t>(id)].side = all[static_cast<std::size_t>(parent)].side;
        all[static_cast<std::size_t>(id)].plural = ph.count && ph.count->best != 1;
        return id;
    }

    // "the insurgent", "the two men", "the occupants": someone told of before
    int resolve_definite(const document& doc, const person_phrase& ph) {
        // "the targeted individual", "the insurgent": in a release, the person the operation sought
        bool generic = same_word(ph.key, "individual") || same_word(ph.key, "man") || same_word(ph.key, "target") ||
                       same_word(ph.key, "detainee") || same_word(ph.key, "suspect") || same_word(ph.key, "insurgent") ||
                       same_word(ph.key, "militant");
        for (std::size_t k = ph.first; k < ph.head; ++k)
            if (doc.is(k, "targeted")) generic = true;
        for (auto it = recent.rbegin(); it != recent.rend(); ++it) {
            const auto& e = all[static_cast<std::size_t>(*it)];
            if (ph.count && ph.plural) {
                // ("killing three civilians. All three attackers were killed": the armed men are
                // never the civilians or forces counted before, however many)
                const bool other_people = armed_men(ph.key) && !armed_men(e.key) && e.side != lex::side::none && !lex::insurgent(e.side);
                if (e.plural && e.counted && e.low == ph.count->low && !other_people) return remember(*it);
            } else if (!ph.plural) {
                if (!e.plural && same_word(e.key, ph.key)) return remember(*it);
            } else if (e.plural && e.counted && same_word(e.key, ph.key)) {
                return remember(*it);
            }
        }
        // ("Three militants opened fire, killing 22 people ... The gunmen were killed": who did it,
        // told by another word, are the armed men counted before, never the victims)
        const bool doers = names_perpetrator(doc, ph);
        for (auto it = recent.rbegin(); it != recent.rend(); ++it) {
            const auto& e = all[static_cast<std::size_t>(*it)];
            if (!ph.plural && generic && !e.plural && e.counted && e.low == 1 && e.role) return remember(*it);
            // "the occupants", "the detainees": the latest group counted just before
            if (ph.plural && !ph.count && e.plural && e.counted && !doers && e.sentence + 1 >= sentence) return remember(*it);
            if (ph.plural && !ph.count && e.plural && e.counted && doers &&
                (lex::insurgent(e.side) || armed_men(e.key)))
                return remember(*it);
        }
        return introduce(ph);
    }
};

struct part {
    int low = 0, high = 0;
    bool vague = false;
    bool single = false;    // one identified person
    bool headline = false;  // said in a headline
    bool reference = false; // named by reference ("the men", "them"), not as new people
    bool more = false;      // "several more": new people for certain
    bool other = false;     // "other", "additional", "another": people besides some already named
    bool perpetrator = false; // "the attacker", "the gunmen": who did it, never among its victims
    int entity = -1;
    bool superseded = false;
};

struct estimate {
    int low = 0, best = 0, high = 0;
    bool vague = false;
    bool upper_only = false;
    lex::side side = lex::side::none;
    bool doers = false;        // counts only who did it: "the three attackers were killed"
    bool counts_doers = false; // counts who did it among its people
    bool whole = false;        // a toll, every dead of the incident: "raising the toll to 13"
    bool singles = false;      // the account's people one by one: "a second victim died"
};

struct field_tally {
    std::vector<part> lead, narrative;
    int extra_low = 0, extra_high = 0;
    std::vector<estimate> credible;  // totals stated by named neutral sources
    std::vector<estimate> partisan;  // claims by a party to the fighting (Taliban)
    std::array<int, 6> sides{};      // people counted per side, to name the victims
    bool doers_counted = false;      // the account counts who did it ("police killed the attacker")
    bool others_counted = false;     // ... and others than who did it
};

// "Several other insurgents", "two additional suspects", "another insurgent": people besides
// someone the text has named, so never a restatement of that someone.
bool distinct_people(const document& doc, const person_phrase& ph) {
    for (auto k = ph.first; k < ph.last; ++k)
        if (doc.is(k, "other") || doc.is(k, "others") || doc.is(k, "additional") || doc.is(k, "another")) return true;
    return false;
}

// "Police killed the attacker", "the two gunmen were shot dead": the ones the incident's account
// is about as doers, named back by their deed.
bool names_perpetrator(const document& doc, const person_phrase& ph) {
    return ph.definite && named_by_the_deed(doc, ph);
}

// "five attackers", "the gunmen", "a suicide bomber": people named by the deed, who did it
bool named_by_the_deed(const document& doc, const person_phrase& ph) {
    static const std::uint16_t doers[] = {lex::lemma_id("attacker"), lex::lemma_id("gunman"), lex::lemma_id("bomber"),
                                          lex::lemma_id("assailant"), lex::lemma_id("perpetrator"), lex::lemma_id("shooter")};
    const std::uint16_t lemma = ph.head < doc.size() ? doc.at(ph.head).lemma : 0;
    return lemma && std::find(std::begin(doers), std::end(doers), lemma) != std::end(doers);
}

// "He said five soldiers died, while a Taliban spokesman claimed 17 were killed": the figure after
// a speech verb of its own, whose speaker is the insurgents, is their claim, whoever the sentence's
// source is.
bool claimed_by_insurgents(const document& doc, std::uint32_t sentence, const casualty_mention& m) {
    const std::size_t first = doc.sentences()[sentence].first;
    for (std::size_t v = m.first; v > first; --v) {
        if (!doc.at(v - 1).has(lex::speech)) continue;
        if (doc.is(v, "responsibility")) return false; // "the Taliban claimed responsibility for the attack, which killed"
        for (std::size_t k = v - 1; k > first && k + 5 > v; --k) {
            const token& t = doc.at(k - 1);
            if (t.kind != token_kind::word) break;
            if (lex::insurgent(t.side)) return true;
        }
        return false;
    }
    return false;
}

// "Abdul Jamil ... were among those killed": he belongs to the group counted, so naming him in the
// lead adds nobody to it; with no total told, the ones named are the field's floor
void note_among(const sentence_analysis& an, const casualty_mention& m, const std::vector<int>& entity_of,
                entity_table& entities, int& floor) {
    int named = 0;
    for (auto pi : m.phrases) {
        entities.all[static_cast<std::size_t>(entity_of[pi])].among = true;
        const auto& ph = an.phrases[pi];
        if (ph.count) named += ph.count->low;
        else if (!ph.plural) ++named;
    }
    floor = std::max(floor, named);
}

// one mention's value: the sum of its phrases, when every one is known
struct mention_figures {
    int low = 0, high = 0;
    bool vague = false, known = false, explicit_number = false, all_single = true, all_partitive = false;
    bool all_doers = true; // every phrase counted names who did it
    lex::side side = lex::side::none;
};

// A phrase's people as the article's account may count them: the phrase's own number, else the
// number its antecedent was given; none when neither is known, or when they are a part of a group
// already counted ("Twelve of them", "one of the insurgents").
std::optional<part> phrase_part(const document& doc, const person_phrase& ph, const casualty_mention& m, int id,
                                const entity_table& entities, std::size_t f) {
    const entity& e = entities.all[static_cast<std::size_t>(id)];
    part p;
    p.entity = id;
    if (ph.count) {
        p.low = ph.count->low;
        p.high = ph.count->high;
        p.vague = ph.count->vague;
    } else if (e.counted) {
        p.low = e.low;
        p.high = e.high;
        p.vague = e.vague;
    } else {
        return std::nullopt;
    }
    if (ph.partitive && e.parent >= 0) {
        const entity& g = entities.all[static_cast<std::size_t>(e.parent)];
        if (g.in_lead[f] || g.in_narrative[f]) return std::nullopt;
    }
    p.single = p.low == 1 && p.high == 1 && !p.vague;
    p.reference = ph.definite || ph.pronoun;
    p.more = ph.more || m.more;
    p.other = p.more || distinct_people(doc, ph);
    p.perpetrator = named_by_the_deed(doc, ph);
    return p;
}

// The mention's figures, and in `pieces` its phrases' people the article's account may count.
mention_figures gather_figures(const document& doc, const sentence_analysis& an, const casualty_mention& m,
                               std::size_t f, const std::vector<int>& entity_of, const entity_table& entities,
                               std::vector<part>& pieces) {
    mention_figures fig;
    fig.all_partitive = !m.phrases.empty();
    pieces.clear();
    for (auto pi : m.phrases) {
        const auto& ph = an.phrases[pi];
        if (ph.count && !ph.pronoun) fig.explicit_number = true;
        const auto p = phrase_part(doc, ph, m, entity_of[pi], entities, f);
        if (!p) continue;
        // "killing 11 people, most of them women": people named twice in one mention are counted once
        if (std::any_of(pieces.begin(), pieces.end(), [&](const part& q) { return q.entity == p->entity; })) continue;
        if (!p->single) fig.all_single = false;
        if (!ph.partitive) fig.all_partitive = false;
        if (!p->perpetrator) fig.all_doers = false;
        if (fig.side == lex::side::none) fig.side = ph.side;
        fig.low += p->low;
        fig.high += p->high;
        fig.vague = fig.vague || p->vague;
        fig.known = true;
        pieces.push_back(*p);
    }
    if (m.direct) {
        fig.all_doers = false;
        fig.low += m.direct->low;
        fig.high += m.direct->high;
        fig.vague = fig.vague || m.direct->vague;
        fig.known = true;
        fig.explicit_number = true;
        fig.all_single = false;
    }
    return fig;
}

// Every figure the text states is kept as a claim with its source, whatever the tally makes of it.
void record_claim(std::vector<claim>& claims, const document& doc, const tally_sentence& ts, const casualty_mention& m,
                  const mention_figures& fig) {
    // (a mention without a field is dropped before it is read: it states no figure)
    const auto field = claimed_field(m.field);
    if (!field) return;
    claim& c = claims.emplace_back();
    c.field = *field;
    c.value = count_range{fig.low, fig.low, std::max(fig.low, fig.high)};
    if (m.direct && m.direct->upper_bound) c.value.low = 0;
    c.source = ts.source ? ts.source->source : "";
    c.source_kind = ts.source ? ts.source->kind : attribution_kind::unattributed;
    c.subject = actor_side_of(fig.side);
    c.offsets = {doc.at(m.first).begin, doc.at(m.last - 1).end};
}

// A total stated by someone rather than told by the article: a party's claim, or a neutral source's
// figure, which adds up with the same sentence's others ("31 insurgents ... with two soldiers killed").
void file_stated_total(const mention_figures& fig, const casualty_mention& m, bool partisan, bool denied,
                       std::optional<estimate>& credible_here, field_tally& ft) {
    estimate est{fig.low, fig.low, std::max(fig.low, fig.high), fig.vague, m.direct && m.direct->upper_bound, fig.side,
                 fig.all_doers, fig.all_doers, m.toll};
    if (partisan) {
        // "the Taliban claim they killed nine, which police deny": a ceiling at most
        if (denied) est.low = est.best = 0;
        ft.partisan.push_back(est);
    } else if (credible_here) {
        auto& c = *credible_here;
        c.low += est.low, c.best += est.best, c.high += est.high;
        c.vague = c.vague || est.vague;
        if (c.side != est.side) c.side = lex::side::none;
        c.doers = c.doers && est.doers;
        c.counts_doers = c.counts_doers || est.doers;
        c.whole = c.whole || est.whole;
    } else {
        credible_here = est;
    }
}

// Which of the forces a noun names: the army's soldiers and the police are told apart; "forces",
// "personnel" or "officers" may be either.
enum class force_branch { unstated, army, police };
force_branch branch_of(std::string_view key) {
    static constexpr std::string_view army[] = {"soldier", "soldiers", "troops", "trooper", "troopers", "serviceman", "servicemen",
                                                "commando", "commandos", "army"};
    static constexpr std::string_view police[] = {"police", "policeman", "policemen", "policewoman", "policewomen",
                                                  "patrolman", "patrolmen"};
    for (auto w : army)
        if (same_word(key, w)) return force_branch::army;
    for (auto w : police)
        if (same_word(key, w)) return force_branch::police;
    return force_branch::unstated;
}

// Someone the lead counts. "Kabul blast kills deputy governor" over "killed the deputy governor ...
// and his secretary": the lead counts him again, as the larger of the two is kept.
void count_in_lead(const document& doc, const tally_sentence& ts, std::size_t f, part& p, entity& e, field_tally& ft) {
    p.headline = doc.sentences()[ts.sentence].title;
    if (e.in_lead[f] && (p.headline || e.in_body_lead[f])) return;
    e.in_lead[f] = true;
    if (!p.headline) e.in_body_lead[f] = true;
    ft.lead.push_back(p);
}

// "killing four soldiers and two civilians. Three of the five gunmen are killed": fighters of a side
// the lead did not count are more dead, not an item of the lead (a woman or a man is no side:
// "killed four insurgents ... one woman was killed")
// ... and so are the police beside soldiers: "killing three civilians and dozens of soldiers. A
// suicide bomber kills ten municipal police" (but "security forces" may be either)
bool beside_the_lead(const part& p, const entity& e, const field_tally& ft, const entity_table& entities) {
    bool fighters = lex::insurgent(e.side) || e.side == lex::side::security ||
                    e.side == lex::side::coalition;
    // (and "killed 14 people ... Police killed the attacker": the doer, whom the lead's
    // victims never include)
    const force_branch branch = branch_of(e.key);
    return fighters && !ft.lead.empty() && std::all_of(ft.lead.begin(), ft.lead.end(), [&](const part& q) {
               const auto& a = entities.all[static_cast<std::size_t>(q.entity)];
               if (q.perpetrator) return false;
               if (a.side == e.side) return branch != force_branch::unstated && branch_of(a.key) != force_branch::unstated &&
                                            branch_of(a.key) != branch;
               return a.side != lex::side::none || p.perpetrator;
           });
}

// "also", "additional", "more" outside an itemising narrative: an addition to the lead's total,
// unless it restates a group of the lead ("two other militants" ... "Two other insurgents were also
// captured"); an identified person is restated only by name or role
void add_to_lead_total(const part& p, const entity& e, const entity_table& entities, field_tally& ft) {
    auto vague_lead = std::find_if(ft.lead.begin(), ft.lead.end(), [](const part& q) { return q.vague && !q.superseded; });
    bool restated = !p.more && std::any_of(ft.lead.begin(), ft.lead.end(), [&](const part& q) {
        if (q.low != p.low) return false;
        if (!q.single) return true;
        const auto& a = entities.all[static_cast<std::size_t>(q.entity)];
        return same_word(a.key, e.key);
    });
    if (vague_lead != ft.lead.end() && !p.vague) {
        vague_lead->superseded = true;
        ft.extra_low += p.low;
        ft.extra_high += p.high;
    } else if (!restated) {
        ft.extra_low += p.low;
        ft.extra_high += p.high;
    }
}

// The article's own account (and single named people from any neutral source): each person goes to
// the lead, whose total the narrative may itemise, to the narrative, or beside both as an addition.
void count_in_account(const document& doc, const tally_sentence& ts, const casualty_mention& m, std::size_t f,
                      std::vector<part>& pieces, entity_table& entities, field_tally& ft) {
    for (auto& p : pieces) {
        auto& e = entities.all[static_cast<std::size_t>(p.entity)];
        ft.sides[static_cast<std::size_t>(e.side)] += p.low;
        (p.perpetrator ? ft.doers_counted : ft.others_counted) = true;
        // "killing the suspected insurgents" when they were introduced before: the account
        // has begun, and this is its first item rather than a total
        // (a headline's people are told again by the lead, not before it)
        bool told_before = p.reference && e.sentence < ts.sentence && !doc.sentences()[e.sentence].title;
        if (ts.lead && !told_before) {
            count_in_lead(doc, ts, f, p, e, ft);
            continue;
        }
        if (e.in_narrative[f]) continue;
        e.in_narrative[f] = true;
        if (beside_the_lead(p, e, ft, entities)) {
            ft.extra_low += p.low;
            ft.extra_high += p.high;
            continue;
        }
        bool itemising = !ft.narrative.empty();
        bool first_statement = ft.lead.empty() && ft.narrative.empty() && ft.extra_low == 0;
        if (m.additive && first_statement && !p.other) {
            // "detained several insurgents ... four insurgents were also killed": "also" adds
            // to the other figure of the lead; for its own field it is the summary the
            // narrative then itemises
            ft.lead.push_back(p);
            continue;
        }
        // an addition is a narrative detail when the narrative is already itemising ("she was
        // killed ... he was also killed": also the next item of the account)
        // "Police killed two insurgents ... They later killed three other insurgents": people
        // told as others than the lead's add to its total, as "also" does
        const bool others_than_lead = p.other && !ft.lead.empty() && !itemising;
        if ((!m.additive && !others_than_lead) || (itemising && !p.more)) ft.narrative.push_back(p);
        else add_to_lead_total(p, e, entities, ft);
    }
}

// Someone said to be among a group is inside that group's count, not beside it.
bool inside_group(const part& q, bool group, const entity_table& entities) {
    return group && q.single && entities.all[static_cast<std::size_t>(q.entity)].among;
}

struct lead_total {
    int low = 0, high = 0;
    bool vague = false;
    bool singles = false; // only identified people, none of them from a headline
};

// The lead's people and the additions to them; a headline restates the lead: the larger of the two,
// not their sum.
lead_total sum_lead(const field_tally& ft, bool group, const entity_table& entities) {
    lead_total t{ft.extra_low, ft.extra_high, false, !ft.lead.empty()};
    int head_low = 0, head_high = 0, body_low = 0, body_high = 0;
    for (const auto& p : ft.lead) {
        if (p.superseded || inside_group(p, group, entities)) continue;
        (p.headline ? head_low : body_low) += p.low;
        (p.headline ? head_high : body_high) += p.high;
        t.vague = t.vague || p.vague;
        t.singles = t.singles && p.single && !p.headline;
    }
    t.low += std::max(head_low, body_low);
    t.high += std::max(head_high, body_high);
    return t;
}

struct narrative_total {
    int low = 0, high = 0;
    bool vague = false;
    bool groups_only = false; // only groups new to the account: no identified person, no one of the lead
};

// The narrative: exact counts add up; unmarked vague amounts restate each other.
narrative_total sum_narrative(const field_tally& ft, std::size_t f, bool group, const entity_table& entities) {
    narrative_total t;
    t.groups_only = !ft.narrative.empty();
    int vague_low = 0, vague_high = 0;
    for (const auto& p : ft.narrative) {
        if (inside_group(p, group, entities)) continue;
        if (p.vague) {
            vague_low = std::max(vague_low, p.low);
            vague_high = std::max(vague_high, p.high);
            t.vague = true;
        } else {
            t.low += p.low;
            t.high += p.high;
        }
        const auto& e = entities.all[static_cast<std::size_t>(p.entity)];
        if (p.single || e.in_lead[f] || p.reference) t.groups_only = false;
    }
    t.low += vague_low;
    t.high += vague_high;
    // additions with no lead to add to ("Several other insurgents were killed in the strike
    // also") add to the narrative instead
    bool lead_empty = std::none_of(ft.lead.begin(), ft.lead.end(), [](const part& q) { return !q.superseded; });
    if (lead_empty) t.low += ft.extra_low, t.high += ft.extra_high;
    return t;
}

// The article's own account of one field in one release part: the lead's total, or the narrative's
// when it counts more; none when the part tells nothing of the field.
std::optional<estimate> account_estimate(const field_tally& ft, std::size_t f, const entity_table& entities) {
    if (ft.lead.empty() && ft.narrative.empty() && ft.extra_low == 0) return std::nullopt;
    bool group = std::any_of(ft.lead.begin(), ft.lead.end(), [](const part& q) { return !q.single; }) ||
                 std::any_of(ft.narrative.begin(), ft.narrative.end(), [](const part& q) { return !q.single; });
    const lead_total lead = sum_lead(ft, group, entities);
    const narrative_total narrative = sum_narrative(ft, f, group, entities);
    estimate est;
    if (lead.singles && narrative.groups_only && ft.extra_low == 0) {
        // "captured a Taliban leader ... Multiple suspected insurgents were detained"
        est.low = lead.low + narrative.low;
        est.high = lead.high + narrative.high;
        est.vague = narrative.vague;
    } else if (narrative.low > lead.low) {
        est.low = narrative.low;
        est.high = std::max(narrative.high, narrative.low);
        est.vague = narrative.vague;
    } else {
        est.low = lead.low;
        est.high = std::max(lead.high, lead.low);
        est.vague = lead.vague;
    }
    est.best = est.low;
    est.counts_doers = ft.doers_counted;
    est.doers = ft.doers_counted && !ft.others_counted;
    est.singles = lead.singles && ft.narrative.empty() && ft.extra_low == 0;
    return est;
}

// One field's figures over all release parts (updates restate: the account's best part counts).
struct field_figures {
    std::vector<estimate> neutral;         // named neutral sources' totals, then the article's own account
    std::vector<estimate> partisan;        // claims by a party to the fighting
    lex::side main_side = lex::side::none; // whose people the account counts most
};

field_figures gather_field(const std::vector<std::array<field_tally, field_count>>& parts, std::size_t f,
                           const entity_table& entities) {
    field_figures out;
    std::optional<estimate> voice; // the article's own account, best over release parts
    std::array<int, 6> sides{};
    for (const auto& fields : parts) {
        const auto& ft = fields[f];
        for (std::size_t s = 0; s < sides.size(); ++s) sides[s] += ft.sides[s];
        out.neutral.insert(out.neutral.end(), ft.credible.begin(), ft.credible.end());
        out.partisan.insert(out.partisan.end(), ft.partisan.begin(), ft.partisan.end());
        auto est = account_estimate(ft, f, entities);
        if (est && voice) {
            est->counts_doers = est->counts_doers || voice->counts_doers;
            est->doers = est->doers && voice->doers;
        }
        if (est && (!voice || est->low > voice->low)) voice = est;
    }
    int most = 0, sides_counted = 0;
    for (std::size_t s = 1; s < sides.size(); ++s) {
        if (sides[s] > most) most = sides[s], out.main_side = static_cast<lex::side>(s);
        if (sides[s] > 0) ++sides_counted;
    }
    // "A second victim died, raising the toll to 13": people told one by one are inside a toll
    // that counts at least as many
    if (voice && voice->singles &&
        std::any_of(out.neutral.begin(), out.neutral.end(), [&](const estimate& e) { return e.whole && e.low >= voice->low; }))
        voice.reset();
    if (voice) {
        // the account's own total is one side's only when it counts no one else
        voice->side = sides_counted == 1 ? out.main_side : lex::side::none;
        out.neutral.push_back(*voice);
    }
    return out;
}

using side_ranges = std::array<std::optional<count_range>, 6>;

// Estimates of different sides' dead are different people ("nine soldiers", per the governor's
// spokesman; "12 Taliban fighters", per the ministry): each side's lowest low and highest best, in
// `by_side`. Where any estimate counts people of no stated side, it may be the total of all, and the
// estimates are alternatives instead: false.
bool split_by_side(const std::vector<estimate>& neutral, bool any_precise, side_ranges& by_side) {
    bool per_side = !neutral.empty();
    for (const auto& e : neutral) {
        if (e.upper_only || (any_precise && e.vague)) continue;
        if (e.side == lex::side::none) per_side = false;
        auto& s = by_side[static_cast<std::size_t>(e.side)];
        if (!s) s = count_range{e.low, e.best, e.high};
        else s->low = std::min(s->low, e.low), s->best = std::max(s->best, e.best);
    }
    // "12 civilians were killed in the strike", per local officials; "it killed 12 Taliban
    // fighters", per the government: the same dead, whose side is disputed, not 24
    auto& civilians = by_side[static_cast<std::size_t>(lex::side::civilian)];
    auto& fighters = by_side[static_cast<std::size_t>(lex::side::hostile)];
    if (civilians && fighters && civilians->low == fighters->low) fighters.reset();
    return per_side && std::count_if(by_side.begin(), by_side.end(), [](const auto& s) { return s.has_value(); }) > 1;
}

// The neutral estimates' low and best: the sides' added up; else the alternatives' lowest low and
// highest best; with only ceilings ("up to 42"), the highest ceiling.
count_range neutral_low_and_best(const std::vector<estimate>& neutral, bool any_precise, const side_ranges& by_side,
                                 bool per_side) {
    count_range r;
    if (per_side) {
        for (const auto& s : by_side)
            if (s) r.low += s->low, r.best += s->best;
        return r;
    }
    bool first = true;
    for (const auto& e : neutral) {
        if (e.upper_only) continue;
        if (any_precise && e.vague) continue;
        r.low = first ? e.low : std::min(r.low, e.low);
        r.best = first ? e.best : std::max(r.best, e.best);
        first = false;
    }
    if (first)
        for (const auto& e : neutral) r.low = r.best = std::max(r.best, e.best);
    return r;
}

// partisan claims, per side: the largest low and the largest high anyone claimed
struct partisan_sides {
    std::array<int, 6> low{}, high{};
};

partisan_sides partisan_by_side(const std::vector<estimate>& partisan) {
    partisan_sides claimed;
    for (const auto& e : partisan) {
        auto s = static_cast<std::size_t>(e.side);
        claimed.low[s] = std::max(claimed.low[s], e.low);
        claimed.high[s] = std::max(claimed.high[s], e.high);
    }
    return claimed;
}

// The range's top: per side, each side's highest figure, anyone's, added up; else the highest neutral one.
int neutral_high(const std::vector<estimate>& neutral, const count_range& r, const side_ranges& by_side, bool per_side,
                 const partisan_sides& claimed) {
    if (!per_side) {
        int high = std::max(r.best, r.low);
        for (const auto& e : neutral) high = std::max(high, e.high);
        return high;
    }
    int total = 0;
    for (std::size_t s = 0; s < by_side.size(); ++s) {
        if (!by_side[s]) continue;
        int high = by_side[s]->high;
        for (const auto& e : neutral)
            if (static_cast<std::size_t>(e.side) == s) high = std::max(high, e.high);
        total += std::max(high, claimed.high[s]);
    }
    return std::max(total, r.best);
}

// Partisan claims: about people no neutral source counted, they are the only figure; otherwise they
// only widen the range.
void add_partisan_claims(count_range& r, const std::vector<estimate>& neutral, const partisan_sides& claimed, bool per_side) {
    auto covered = [&](std::size_t s) {
        for (const auto& e : neutral)
            if (static_cast<std::size_t>(e.side) == s || e.side == lex::side::none || s == 0) return true;
        return false;
    };
    for (std::size_t s = 0; s < claimed.low.size(); ++s) {
        if (!claimed.low[s] && !claimed.high[s]) continue;
        if (!neutral.empty() && covered(s)) {
            if (!per_side) r.high = std::max(r.high, claimed.high[s]);
        } else {
            r.low += claimed.low[s];
            r.best += claimed.low[s];
            r.high += claimed.high[s];
        }
    }
}

// One field's low, best and high from the neutral estimates and the partisan claims.
count_range combine_by_source(const std::vector<estimate>& neutral, const std::vector<estimate>& partisan) {
    bool any_precise = std::any_of(neutral.begin(), neutral.end(), [](const estimate& e) { return !e.vague && !e.upper_only; });
    side_ranges by_side{};
    bool per_side = split_by_side(neutral, any_precise, by_side);
    count_range r = neutral_low_and_best(neutral, any_precise, by_side, per_side);
    const partisan_sides claimed = partisan_by_side(partisan);
    r.high = neutral_high(neutral, r, by_side, per_side, claimed);
    add_partisan_claims(r, neutral, claimed, per_side);
    return r;
}

// "Gunmen killed 13 people at a hospital, officials said ... security forces killed the three
// attackers, a spokesman said": a figure of the attackers alone is never the victims' total, told
// by whomever; it adds to the others' (news codebook: the attackers are counted), unless one of
// those counts them among its people. Figures of the attackers alone are alternatives to each other.
count_range combine_estimates(const std::vector<estimate>& neutral, const std::vector<estimate>& partisan) {
    const bool any_doers = std::any_of(neutral.begin(), neutral.end(), [](const estimate& e) { return e.doers && !e.upper_only; });
    if (!any_doers) return combine_by_source(neutral, partisan);
    std::vector<estimate> victims, doers;
    for (const auto& e : neutral) (e.doers ? doers : victims).push_back(e);
    if (victims.empty() || std::any_of(victims.begin(), victims.end(), [](const estimate& e) { return e.counts_doers; }))
        return combine_by_source(neutral, partisan);
    count_range r = combine_by_source(victims, partisan);
    const count_range attackers = combine_by_source(doers, {});
    r.low += attackers.low, r.best += attackers.best, r.high += attackers.high;
    return r;
}

// Whose people a killed or wounded claim counts, from the first that names a side.
lex::side victims_claimed(const std::vector<claim>& claims) {
    for (const auto& c : claims) {
        if (c.field != casualty_field::killed && c.field != casualty_field::wounded) continue;
        if (c.subject == actor_side::unknown) continue;
        if (c.subject == actor_side::afghan_forces) return lex::side::security;
        if (c.subject == actor_side::taliban) return lex::side::hostile;
        if (c.subject == actor_side::civilians) return lex::side::civilian;
        if (c.subject == actor_side::coalition) return lex::side::coalition;
        return lex::side::none;
    }
    return lex::side::none;
}

// One incident's sentences as read so far: who is who, and each release part's figures per field
// (figures are tallied per release part, then the parts are merged: updates restate).
class incident_reading {
public:
    void read_sentence(const document& doc, const sentence_analysis& an, const tally_sentence& ts, std::vector<claim>& claims) {
        // totals a named neutral source gives in one sentence add up ("31 insurgents ... with two
        // soldiers killed"); separate statements are separate estimates
        std::array<std::optional<estimate>, field_count> credible_here{};
        auto& fields = fields_of_part(ts.part);
        resolve_phrases(doc, an, ts.sentence);
        for (auto mi : ts.mentions) {
            const auto& m = an.casualties[mi];
            if (m.negated || m.intent || m.field == lex::field::none) continue;
            auto f = field_index(m.field);
            if (m.subset) note_among(an, m, entity_of, entities, among_floor[f]);
            else read_mention(doc, an, ts, m, claims, credible_here[f], fields[f]);
        }
        for (std::size_t f = 1; f < field_count; ++f)
            if (credible_here[f]) fields_of_part(ts.part)[f].credible.push_back(*credible_here[f]);
    }

    // Each field's low, best and high over the release parts, and whose people they are.
    void fill_counts(tally_result& result) const {
        std::array<std::optional<count_range>*, field_count> outputs{nullptr, &result.killed, &result.wounded, &result.missing,
                                                                      &result.captured};
        for (std::size_t f = 1; f < field_count; ++f) {
            const field_figures figures = gather_field(parts, f, entities);
            if (figures.neutral.empty() && figures.partisan.empty()) {
                if (among_floor[f] > 0) *outputs[f] = count_range{among_floor[f], among_floor[f], among_floor[f]};
                continue;
            }
            count_range r = combine_estimates(figures.neutral, figures.partisan);
            if (r.low == 0 && r.best == 0 && r.high == 0 && figures.neutral.empty()) continue;
            *outputs[f] = r;
            if (f == field_index(lex::field::killed) || f == field_index(lex::field::wounded)) {
                if (result.victims == lex::side::none) result.victims = figures.main_side;
            }
            if (f == field_index(lex::field::captured)) result.captives = figures.main_side;
        }
    }

private:
    // The thread's, kept from call to call (base/spare_buffer.hpp): fresh ones cost an allocation each.
    borrowed_buffer<std::vector<std::array<field_tally, field_count>>> parts_buffer;
    borrowed_buffer<std::vector<std::uint32_t>> part_ids_buffer;
    std::vector<std::array<field_tally, field_count>>& parts = *parts_buffer;
    std::vector<std::uint32_t>& part_ids = *part_ids_buffer;
    entity_table entities;
    // Reused from sentence to sentence and mention to mention: fresh vectors cost an allocation each
    // (and the thread's, kept from call to call, where no other buffer of the type is borrowed here)
    std::vector<std::uint32_t> order;
    borrowed_buffer<std::vector<int>> entity_of_buffer;
    borrowed_buffer<std::vector<part>> pieces_buffer;
    std::vector<int>& entity_of = *entity_of_buffer;
    std::vector<part>& pieces = *pieces_buffer;
    // "six civilians were among the dead", with no total told: at least six
    std::array<int, field_count> among_floor{};


    std::array<field_tally, field_count>& fields_of_part(std::uint32_t id) {
        for (std::size_t i = 0; i < part_ids.size(); ++i)
            if (part_ids[i] == id) return parts[i];
        part_ids.push_back(id);
        parts.emplace_back();
        return parts.back();
    }

    // Every person phrase, in reading order, so that later references find their antecedents.
    void resolve_phrases(const document& doc, const sentence_analysis& an, std::uint32_t sentence) {
        order.resize(an.phrases.size());
        for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
        std::sort(order.begin(), order.end(), [&](auto a, auto b) { return an.phrases[a].first < an.phrases[b].first; });
        entity_of.assign(an.phrases.size(), -1);
        entities.sentence = sentence;
        for (auto i : order) entity_of[i] = entities.resolve(doc, an.phrases[i]);
    }

    // Where a mention's figure goes: a claim when it is stated, then a party's claim or a source's
    // total, or the people of the article's own account.
    // "Many people are killed in two bombings, at least fifteen of which in Kabul": a part counted
    // exactly is a floor for the whole it is part of, where that was counted only vaguely
    void raise_vague_whole(const sentence_analysis& an, const casualty_mention& m, field_tally& ft) const {
        for (auto pi : m.phrases) {
            const auto& ph = an.phrases[pi];
            if (!ph.partitive || !ph.count || ph.count->vague) continue;
            // (the whole of "of which", "of them" unresolved: the people last counted vaguely)
            const int parent = entities.all[static_cast<std::size_t>(entity_of[pi])].parent;
            if (parent < 0 && !ph.pronoun) continue;
            for (auto* list : {&ft.lead, &ft.narrative})
                for (auto& q : *list)
                    if ((q.entity == parent || (parent < 0 && &q == &list->back())) && q.vague && q.low < ph.count->low) {
                        q.low = ph.count->low;
                        q.high = std::max(q.high, ph.count->high);
                    }
        }
    }

    void read_mention(const document& doc, const sentence_analysis& an, const tally_sentence& ts, const casualty_mention& m,
                      std::vector<claim>& claims, std::optional<estimate>& credible_here, field_tally& ft) {
        auto f = field_index(m.field);
        raise_vague_whole(an, m, ft);
        bool partisan = (ts.source && ts.source->kind == attribution_kind::taliban) || claimed_by_insurgents(doc, ts.sentence, m);
        const mention_figures fig = gather_figures(doc, an, m, f, entity_of, entities, pieces);
        if (!fig.known) return;
        if (fig.explicit_number) record_claim(claims, doc, ts, m, fig);
        // "three of their leaders were indeed captured": a part of those held, never a total, so
        // it cannot lower anyone's count; but where none were counted before ("officials said eight
        // of their forces were killed"), the part is all the article tells
        const bool counted_before = !ft.lead.empty() || !ft.narrative.empty() || !ft.credible.empty();
        // ("two of the attackers were also killed": who did it are never a part of their victims)
        if (ts.source && !partisan && !m.direct && fig.all_partitive && counted_before && !fig.all_doers) return;
        if (partisan || (ts.source && !fig.all_single) || m.direct) {
            // "11 others wounded ... three others sustained injuries, he added": people besides
            // those a source counted before add to that total, not another total of the same people
            const bool besides = m.additive || std::any_of(pieces.begin(), pieces.end(), [](const part& p) { return p.other; });
            if (!partisan && !m.direct && besides && !credible_here && !ft.credible.empty()) {
                credible_here = ft.credible.back();
                ft.credible.pop_back();
            }
            file_stated_total(fig, m, partisan, an.denied, credible_here, ft);
            return;
        }
        count_in_account(doc, ts, m, f, pieces, entities, ft);
    }
};

} // namespace

actor_side actor_side_of(lex::side s) {
    switch (s) {
    case lex::side::security: return actor_side::afghan_forces;
    case lex::side::coalition: return actor_side::coalition;
    case lex::side::hostile: return actor_side::taliban;
    case lex::side::isk: return actor_side::isk;
    case lex::side::civilian: return actor_side::civilians;
    case lex::side::none: break;
    }
    return actor_side::unknown;
}

tally_result tally(const document& doc, const std::function<const sentence_analysis&(std::uint32_t)>& analysis,
                   const std::vector<tally_sentence>& sentences) {
    tally_result result;
    incident_reading reading;
    for (const auto& ts : sentences) reading.read_sentence(doc, analysis(ts.sentence), ts, result.claims);
    reading.fill_counts(result);
    if (result.victims == lex::side::none) result.victims = victims_claimed(result.claims);
    return result;
}

} // namespace naqsha::extract
