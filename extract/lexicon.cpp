#include "extract/lexicon.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cstring>
#include <deque>
#include <string>
#include <vector>

namespace naqsha::extract::lex {
namespace {

struct row {
    std::string_view word;
    entry e;
};

constexpr entry make(std::uint64_t flags, std::int32_t value = 0) { return entry{flags, value, field::none, form::none, side::none, event_kind::none}; }
constexpr entry pred(field f, form fm, std::uint64_t extra = 0) { return entry{predicate | extra, 0, f, fm, side::none, event_kind::none}; }
constexpr entry people(side s, std::uint64_t extra = 0) { return entry{person | extra, 0, field::none, form::none, s, event_kind::none}; }
constexpr entry sideword(side s, std::uint64_t extra = 0) { return entry{side_word | extra, 0, field::none, form::none, s, event_kind::none}; }
constexpr entry event(event_kind k, std::uint64_t extra = 0) { return entry{trigger | extra, 0, field::none, form::none, side::none, k}; }

constexpr std::uint64_t pl = plural;

// The table. Order does not matter; a word listed twice keeps its first row.
const row table[] = {
    // articles, determiners, pronouns
    {"a", make(determiner, 1)}, {"an", make(determiner, 1)}, {"the", make(determiner)},
    {"this", make(determiner)}, {"these", make(determiner | pl)}, {"those", make(determiner | pl)},
    {"that", make(determiner | relative)}, {"his", make(determiner)}, {"her", make(determiner | pronoun)},
    {"their", make(determiner | pl)}, {"its", make(determiner)}, {"our", make(determiner | pl)},
    {"my", make(determiner)}, {"your", make(determiner)}, {"each", make(determiner)}, {"every", make(determiner)},
    {"all", make(determiner | pl)}, {"both", make(determiner | pl, 2)}, {"any", make(determiner)},
    {"he", make(pronoun)}, {"him", make(pronoun)}, {"she", make(pronoun)}, {"himself", make(pronoun)},
    {"herself", make(pronoun)}, {"they", make(pronoun | pl)}, {"them", make(pronoun | pl)},
    {"themselves", make(pronoun | pl)}, {"it", make(pronoun)}, {"we", make(pronoun | pl)}, {"i", make(pronoun)},
    {"who", make(relative)}, {"which", make(relative)}, {"whom", make(relative)}, {"whose", make(relative)},
    {"where", make(relative)}, {"when", make(relative | conjunction)},

    // auxiliaries and adverbs that may sit inside a verb group
    {"was", make(aux)}, {"were", make(aux | pl)}, {"is", make(aux)}, {"are", make(aux | pl)},
    {"be", make(aux)}, {"been", make(aux)}, {"being", make(aux)}, {"had", make(aux)}, {"has", make(aux)},
    {"have", make(aux | pl)}, {"having", make(aux)}, {"got", make(aux)}, {"get", make(aux)},
    {"will", make(aux)}, {"would", make(aux)}, {"could", make(aux)}, {"can", make(aux)},
    {"might", make(aux)}, {"should", make(aux)}, {"must", make(aux)}, {"did", make(aux)},
    {"also", make(adverb | additive)}, {"reportedly", make(adverb)}, {"allegedly", make(adverb)},
    {"later", make(adverb)}, {"subsequently", make(adverb)}, {"then", make(adverb)}, {"still", make(adverb)},
    {"inadvertently", make(adverb)}, {"accidentally", make(adverb)}, {"mistakenly", make(adverb)},
    {"immediately", make(adverb)}, {"quickly", make(adverb)}, {"eventually", make(adverb)},
    {"reported", make(adverb | speech)}, {"believed", make(adverb | descriptive)},
    {"confirmed", make(adverb | speech)}, {"indeed", make(adverb)}, {"either", make(adverb)},
    {"already", make(adverb)}, {"just", make(adverb)}, {"only", make(adverb)}, {"initially", make(adverb)},
    {"apparently", make(adverb)}, {"possibly", make(adverb)}, {"probably", make(adverb)},
    {"fatally", make(adverb | cue)}, {"mortally", make(adverb | cue)}, {"critically", make(adverb)}, {"seriously", make(adverb)},
    {"severely", make(adverb)}, {"slightly", make(adverb)}, {"lightly", make(adverb)}, {"badly", make(adverb)},
    {"together", make(adverb)}, {"altogether", make(adverb)}, {"respectively", make(adverb)},
    // sentence adverbs: "Afterwards, a male insurgent was killed" is no list of names
    {"afterwards", make(adverb)}, {"afterward", make(adverb)}, {"meanwhile", make(adverb)}, {"elsewhere", make(adverb)},

    // negation
    {"no", make(negation | determiner)}, {"not", make(negation)}, {"none", make(negation)},
    {"never", make(negation)}, {"nobody", make(negation)}, {"neither", make(negation)}, {"nor", make(negation | conjunction)},
    {"without", make(negation | preposition)},

    // conjunctions and prepositions
    {"and", make(conjunction)}, {"or", make(conjunction)}, {"but", make(conjunction)},
    {"while", make(conjunction)}, {"whereas", make(conjunction)}, {"as", make(conjunction | preposition)},
    {"after", make(preposition | conjunction)}, {"before", make(preposition | conjunction)},
    {"because", make(conjunction)}, {"although", make(conjunction)}, {"though", make(conjunction)},
    {"if", make(conjunction)}, {"than", make(conjunction)}, {"so", make(conjunction)},
    {"of", make(preposition)}, {"in", make(preposition)}, {"on", make(preposition)}, {"at", make(preposition)},
    {"by", make(preposition)}, {"for", make(preposition)}, {"from", make(preposition)}, {"to", make(preposition)},
    {"into", make(preposition)}, {"with", make(preposition)}, {"near", make(preposition)},
    {"during", make(preposition)}, {"since", make(preposition | aggregate)}, {"until", make(preposition)},
    {"over", make(preposition | modifier)}, {"under", make(preposition)}, {"about", make(preposition | modifier)},
    {"around", make(preposition | modifier)}, {"across", make(preposition)}, {"along", make(preposition)},
    {"among", make(preposition)}, {"amongst", make(preposition)}, {"amid", make(preposition)},
    {"between", make(preposition)}, {"per", make(preposition)}, {"through", make(preposition)},
    {"throughout", make(preposition)}, {"within", make(preposition)}, {"against", make(preposition)},
    {"toward", make(preposition)}, {"towards", make(preposition)}, {"following", make(preposition)},
    {"outside", make(preposition)}, {"inside", make(preposition)}, {"including", make(preposition)},
    {"besides", make(preposition)}, {"via", make(preposition)}, {"despite", make(preposition)},
    {"upon", make(preposition)}, {"off", make(preposition)}, {"out", make(preposition)},
    {"up", make(preposition | modifier)}, {"like", make(preposition)}, {"onto", make(preposition)},
    {"behind", make(preposition | descriptive)}, {"beyond", make(preposition)}, {"north", make(place_noun)},
    {"south", make(place_noun)}, {"east", make(place_noun)}, {"west", make(place_noun)},

    // quantities
    {"zero", make(number, 0)}, {"one", make(number, 1)}, {"two", make(number | pl, 2)},
    {"three", make(number | pl, 3)}, {"four", make(number | pl, 4)}, {"five", make(number | pl, 5)},
    {"six", make(number | pl, 6)}, {"seven", make(number | pl, 7)}, {"eight", make(number | pl, 8)},
    {"nine", make(number | pl, 9)}, {"ten", make(number | pl, 10)}, {"eleven", make(number | pl, 11)},
    {"twelve", make(number | pl, 12)}, {"thirteen", make(number | pl, 13)}, {"fourteen", make(number | pl, 14)},
    {"fifteen", make(number | pl, 15)}, {"sixteen", make(number | pl, 16)}, {"seventeen", make(number | pl, 17)},
    {"eighteen", make(number | pl, 18)}, {"nineteen", make(number | pl, 19)}, {"twenty", make(number | pl, 20)},
    {"thirty", make(number | pl, 30)}, {"forty", make(number | pl, 40)}, {"fifty", make(number | pl, 50)},
    {"sixty", make(number | pl, 60)}, {"seventy", make(number | pl, 70)}, {"eighty", make(number | pl, 80)},
    {"ninety", make(number | pl, 90)}, {"hundred", make(number | pl, 100)}, {"thousand", make(number | pl, 1000)},
    {"dozen", make(number | pl, 12)},
    // The vague amounts carry the conventional counts coders use (see docs/extraction.md).
    {"couple", make(vague | pl, 2)}, {"few", make(vague | pl, 3)}, {"several", make(vague | pl, 3)},
    {"multiple", make(vague | pl, 3)}, {"some", make(vague | pl, 3)}, {"various", make(vague | pl, 3)},
    {"number", make(vague | pl | cue, 3)}, {"handful", make(vague | pl, 3)}, {"numerous", make(vague | pl, 4)},
    {"many", make(vague | pl, 4)}, {"dozens", make(vague | pl, 24)}, {"scores", make(vague | pl, 40)},
    {"hundreds", make(vague | pl, 200)}, {"thousands", make(vague | pl, 2000)}, {"tens", make(vague | pl, 20)},
    {"another", make(additive | determiner, 1)}, {"additional", make(additive)}, {"more", make(additive | modifier)},
    {"other", make(additive)}, {"further", make(additive)}, {"addition", make(additive)},
    {"additionally", make(additive)}, {"least", make(modifier)}, {"most", make(modifier)},
    {"nearly", make(modifier)}, {"almost", make(modifier)}, {"approximately", make(modifier)},
    {"roughly", make(modifier)}, {"fewer", make(modifier)}, {"less", make(modifier)},
    {"total", make(modifier)}, {"upwards", make(modifier)}, {"exceeding", make(modifier)},
    {"first", make(ordinal, 1)}, {"second", make(ordinal, 2)},     {"fourth", make(ordinal, 4)}, {"fifth", make(ordinal, 5)}, {"latest", make(ordinal)},
    {"sixth", make(ordinal, 6)}, {"seventh", make(ordinal, 7)}, {"eighth", make(ordinal, 8)}, {"ninth", make(ordinal, 9)},
    {"tenth", make(ordinal, 10)},

    // people: the nouns below take every plural form (morphology), except where a form is listed
    {"police", people(side::security, pl)}, {"personnel", people(side::security, pl)},
    {"troops", people(side::security, pl)}, {"forces", people(side::security, pl)}, {"force", sideword(side::security)},
    {"people", people(side::none, pl)}, {"others", people(side::none, pl)}, {"staff", people(side::none, pl)},
    {"crew", people(side::none, pl)}, {"facilitators", people(side::hostile, pl)}, {"target", people(side::hostile, role)},
    {"targets", make(0)}, {"official", people(side::none, source)}, {"officials", people(side::none, pl | source)},

    // whose people
    {"afghan", sideword(side::security)}, {"afghans", people(side::civilian, pl)},
    {"security", sideword(side::security)}, {"government", sideword(side::security)},
    {"pro-government", sideword(side::security)}, {"army", sideword(side::security)},
    // the other side's name after "anti-" is its enemy's: "anti-Taliban militias" fight the Taliban
    {"anti-taliban", sideword(side::security)}, {"anti-government", sideword(side::hostile)},
    {"pro-taliban", sideword(side::hostile)}, {"nrf", sideword(side::security)}, // the National Resistance Front
    {"uprising", sideword(side::security)}, // "public uprising forces", the militias raised against the Taliban
    // "were forced out of": driven out (extract/territory.cpp). Only this form: "force" is the noun
    // of "security forces", which would take the verb's lemma and inflections if "force" were a verb
    {"forced", make(territorial)},
    {"ana", sideword(side::security)}, {"anp", sideword(side::security)}, {"ansf", sideword(side::security)},
    {"alp", sideword(side::security)}, {"nds", sideword(side::security)}, {"intelligence", sideword(side::security)},
    {"military", sideword(side::security)}, {"border", sideword(side::security)},
    {"us", sideword(side::coalition)}, {"u.s.", sideword(side::coalition)}, {"american", sideword(side::coalition)},
    {"americans", people(side::coalition, pl)}, {"nato", sideword(side::coalition)}, {"isaf", sideword(side::coalition)},
    {"coalition", sideword(side::coalition)}, {"international", sideword(side::coalition)},
    {"foreign", sideword(side::coalition)}, {"spanish", sideword(side::coalition)}, {"british", sideword(side::coalition)},
    {"german", sideword(side::coalition)}, {"french", sideword(side::coalition)}, {"italian", sideword(side::coalition)},
    {"polish", sideword(side::coalition)}, {"canadian", sideword(side::coalition)}, {"australian", sideword(side::coalition)},
    // people named by their country: "three Germans", "two Britons"
    {"germans", people(side::coalition, pl)}, {"britons", people(side::coalition, pl)}, {"canadians", people(side::coalition, pl)},
    {"australians", people(side::coalition, pl)}, {"italians", people(side::coalition, pl)}, {"spaniards", people(side::coalition, pl)},
    {"frenchmen", people(side::coalition, pl)}, {"danes", people(side::coalition, pl)}, {"norwegians", people(side::coalition, pl)},
    {"koreans", people(side::none, pl)}, {"pakistanis", people(side::none, pl)}, {"indians", people(side::none, pl)},
    {"turks", people(side::none, pl)}, {"chinese", sideword(side::none)}, {"foreigners", people(side::none, pl)},
    {"westerners", people(side::none, pl)}, {"briton", people(side::coalition)}, {"foreigner", people(side::none)},
    {"westerner", people(side::none)},
    {"passersby", people(side::civilian, pl)}, // (WordNet lists only "passers-by" as a plural)
    {"taliban", entry{side_word | person | pl | source, 0, field::none, form::none, side::hostile, event_kind::none}},
    {"haqqani", sideword(side::hostile)}, {"insurgent-", sideword(side::hostile)}, {"armed", sideword(side::hostile)},
    {"suspected", sideword(side::hostile, descriptive)}, {"wanted", sideword(side::hostile, descriptive)}, {"enemy", sideword(side::hostile)},
    {"al-qaida", sideword(side::hostile)}, {"al-qaeda", sideword(side::hostile)}, {"imu", sideword(side::hostile)},
    {"hig", sideword(side::hostile)}, {"isis", sideword(side::isk)}, {"isil", sideword(side::isk)},
    {"daesh", sideword(side::isk)}, {"is-k", sideword(side::isk)}, {"iskp", sideword(side::isk)},
    {"civilian-", sideword(side::civilian)}, {"innocent", sideword(side::civilian)}, {"local", sideword(side::none)},

    // casualty predicates that are no verb, or whose forms read otherwise than their lemma's
    {"dead", pred(field::killed, form::adjective)}, {"missing", pred(field::missing, form::adjective)},
    {"unaccounted", pred(field::missing, form::adjective)},
    {"hurt", pred(field::wounded, form::participle)}, {"lost", pred(field::killed, form::participle)},
    {"toll", make(cue)}, {"bodies", make(cue)}, {"body", make(cue)}, {"lives", make(cue)}, {"life", make(cue)}, {"custody", make(cue)}, {"martyrdom", make(cue)},

    // incident words whose forms read otherwise than their lemma's
    {"offensive", event(event_kind::attack)}, {"overrun", event(event_kind::seizure)},
    {"suicide", event(event_kind::suicide)}, {"fighting", event(event_kind::clash)},
    // "storm", "fall" and "shell" as nouns are weather, autumn or ammunition; their verb forms count
    {"storm", make(0)}, {"storms", make(0)}, {"fall", make(0)}, {"shell", make(0)}, {"shells", make(0)},

    // attribution: speech verbs are lemmas (below); these forms read otherwise
    {"reports", make(speech | source)}, {"report", make(source)}, {"reported", make(adverb | speech)},
    {"confirmed", make(adverb | speech)}, {"estimated", make(modifier | speech)}, {"placed", make(speech | verb)},
    {"put", make(speech)}, {"claims", make(speech | verb)}, {"shows", make(speech | verb)}, {"show", make(speech)},
    {"spokesman", people(side::none, source)}, {"spokesperson", people(side::none, source)},
    {"spokeswoman", people(side::none, source)}, {"spokesmen", people(side::none, pl | source)},
    {"agency", make(source)}, {"news", make(source)}, {"sources", make(source)}, {"ministry", make(source)},
    {"minister", make(source)}, {"director", make(source)}, {"council", make(source)}, {"hospital", make(source)},
    {"politicians", people(side::none, pl | source)}, {"lawmaker", people(side::none, source)},
    {"mp", people(side::none, source)}, {"mps", people(side::none, pl | source)},
    {"lawmakers", people(side::none, pl | source)}, {"statement", make(source)},
    // ("Navy SEALs": only the plural, as "seal" is also sealing a place off)
    {"seals", people(side::coalition, pl)},

    // descriptions of a person or group rather than reports of an incident
    {"responsible", make(descriptive)}, {"involved", make(descriptive)}, {"linked", make(descriptive | side_word)},
    {"associated", make(descriptive | side_word)}, {"accused", make(descriptive)},
    {"plans", make(descriptive)}, {"planned", make(descriptive)},
    {"planning", make(descriptive | intent)}, {"coordinates", make(descriptive)}, {"coordinated", make(descriptive)},
    {"coordinating", make(descriptive)}, {"directs", make(descriptive)}, {"directed", make(descriptive)},
    {"directing", make(descriptive)}, {"facilitates", make(descriptive)},
    {"facilitated", make(descriptive)}, {"facilitating", make(descriptive)}, {"leads", make(descriptive)},
    {"operates", make(descriptive)}, {"oversaw", make(descriptive)}, {"oversees", make(descriptive)},
    {"organized", make(descriptive)}, {"organizes", make(descriptive)}, {"supplies", make(descriptive)},
    {"supplied", make(descriptive)}, {"distributes", make(descriptive)}, {"distributed", make(descriptive)},
    {"provides", make(descriptive)}, {"commands", make(descriptive)}, {"controls", make(descriptive)},
    {"manages", make(descriptive)}, {"specializes", make(descriptive)}, {"specialized", make(descriptive)},
    {"participated", make(descriptive)}, {"participates", make(descriptive)}, {"carries", make(descriptive)},
    {"orchestrated", make(descriptive)}, {"emplaces", make(descriptive)}, // ("executes" puts someone to death)
    {"acquires", make(descriptive)}, {"funds", make(descriptive)}, {"known", make(descriptive)},
    {"connected", make(descriptive)}, {"tied", make(descriptive)}, {"ties", make(descriptive)},
    {"accomplice", make(descriptive)}, {"intimidation", make(descriptive)},
    // a record that tells of killings: "documents detailing the killings of hundreds of civilians"
    {"detailing", make(descriptive)}, {"documenting", make(descriptive)},

    // what did not happen (yet)
    {"attempt", make(intent)}, {"attempted", make(intent)}, {"attempting", make(intent)},
    {"plan", make(intent)}, {"search", make(intent)}, {"searching", make(intent)}, {"pursuit", make(intent)},
    {"seeking", make(intent)}, {"threatened", make(intent)}, {"threat", make(intent)}, {"threats", make(intent)},
    {"intended", make(intent)}, {"aimed", make(intent)}, {"try", make(intent)}, {"trying", make(intent)},
    {"tried", make(intent)}, {"would-be", make(intent)}, {"prevent", make(intent)},

    // what no one meant: "the accidental detonation of explosives" (a mishap, as an accident is)
    {"accidental", make(mishap)},

    // time
    {"today", make(time_word)}, {"yesterday", make(time_word)}, {"tonight", make(time_word)},
    {"tomorrow", make(time_word)}, {"overnight", make(time_word)}, {"night", make(time_word)},
    {"nights", make(time_word)}, {"morning", make(time_word)}, {"afternoon", make(time_word)},
    {"evening", make(time_word)}, {"late", make(time_word)}, {"early", make(time_word)},
    {"earlier", make(time_word)}, {"last", make(time_word)}, {"next", make(time_word)},
    {"week", make(time_word)}, {"weeks", make(time_word | pl)}, {"month", make(time_word)},
    {"months", make(time_word | pl)}, {"year", make(time_word)}, {"years", make(time_word | pl)},
    {"day", make(time_word)}, {"days", make(time_word | pl)}, {"hours", make(time_word | pl)},
    {"ago", make(time_word)}, {"recently", make(time_word)}, {"recent", make(time_word)},
    {"past", make(time_word)}, {"previous", make(time_word)}, {"daytime", make(time_word)},
    {"nighttime", make(time_word)}, {"midnight", make(time_word)}, {"dawn", make(time_word)},
    {"january", make(month, 1)}, {"february", make(month, 2)}, {"march", make(month, 3)},
    {"april", make(month, 4)}, {"may", make(month | aux, 5)}, {"june", make(month, 6)}, {"july", make(month, 7)},
    {"august", make(month, 8)}, {"september", make(month, 9)}, {"october", make(month, 10)},
    {"november", make(month, 11)}, {"december", make(month, 12)},
    {"jan", make(month | abbreviation, 1)}, {"feb", make(month | abbreviation, 2)}, {"mar", make(month | abbreviation, 3)},
    {"apr", make(month | abbreviation, 4)}, {"jun", make(month | abbreviation, 6)}, {"jul", make(month | abbreviation, 7)},
    {"aug", make(month | abbreviation, 8)}, {"sep", make(month | abbreviation, 9)}, {"sept", make(month | abbreviation, 9)},
    {"oct", make(month | abbreviation, 10)}, {"nov", make(month | abbreviation, 11)}, {"dec", make(month | abbreviation, 12)},
    {"monday", make(weekday, 0)}, {"tuesday", make(weekday, 1)}, {"wednesday", make(weekday, 2)},
    {"thursday", make(weekday, 3)}, {"friday", make(weekday, 4)}, {"saturday", make(weekday, 5)},
    {"sunday", make(weekday, 6)},

    // places
    {"district", make(place_noun)}, {"districts", make(place_noun | pl | share)}, {"province", make(place_noun)},
    {"provinces", make(place_noun | pl)}, {"city", make(place_noun)}, {"village", make(place_noun)},
    {"villages", make(place_noun | pl)}, {"valley", make(place_noun)}, {"region", make(place_noun)},
    {"area", make(place_noun)}, {"town", make(place_noun)}, {"capital", make(place_noun)},
    {"provincial", make(place_noun)}, {"northern", make(place_noun)}, {"southern", make(place_noun)},
    {"eastern", make(place_noun)}, {"western", make(place_noun)}, {"central", make(place_noun)},
    {"northeastern", make(place_noun)}, {"northwestern", make(place_noun)}, {"southeastern", make(place_noun)},
    {"southwestern", make(place_noun)}, {"outskirts", make(place_noun)},

    // titles that start personal names, and abbreviations a period does not end
    {"mr", make(title_word | abbreviation)}, {"mrs", make(title_word | abbreviation)},
    {"ms", make(title_word | abbreviation)}, {"dr", make(title_word | abbreviation)},
    {"gen", make(title_word | abbreviation)}, {"lt", make(title_word | abbreviation)},
    {"col", make(title_word | abbreviation)}, {"maj", make(title_word | abbreviation)},
    {"capt", make(title_word | abbreviation)}, {"sgt", make(title_word | abbreviation)},
    {"brig", make(title_word | abbreviation)}, {"cpl", make(title_word | abbreviation)},
    {"pvt", make(title_word | abbreviation)}, {"adm", make(title_word | abbreviation)},
    {"gov", make(title_word | abbreviation)}, {"sen", make(title_word | abbreviation)},
    {"rep", make(title_word | abbreviation)}, {"st", make(abbreviation)},
    {"vs", make(abbreviation)}, {"etc", make(abbreviation)}, {"jr", make(abbreviation)}, {"sr", make(abbreviation)},
    {"mt", make(abbreviation)}, {"ft", make(abbreviation)}, {"approx", make(abbreviation)},
    // ("a mullah", "two mullahs": a cleric, counted as one, besides the title before a name)
    {"mullah", people(side::civilian, title_word)}, {"mullahs", people(side::civilian, pl)},
    {"mawlawi", make(title_word)}, {"maulvi", make(title_word)},
    {"haji", make(title_word)}, {"qari", make(title_word)}, {"mufti", make(title_word)}, {"sheikh", make(title_word)},

    // web and wire leftovers
    {"advertisement", make(boilerplate)}, {"download", make(boilerplate)}, {"immediate", make(boilerplate)},

    // measures: a number before these is not a head count
    {"pounds", make(unit)}, {"kilograms", make(unit)}, {"kgs", make(unit)}, {"kg", make(unit)},
    {"kilogram", make(unit)}, {"tons", make(unit)}, {"meters", make(unit)}, {"metres", make(unit)},
    {"feet", make(unit)}, {"miles", make(unit)}, {"kilometers", make(unit)}, {"kilometres", make(unit)},
    {"km", make(unit)}, {"percent", make(unit | share)}, {"thirds", make(share)}, {"third", make(ordinal | share, 3)},
    {"half", make(share)}, {"quarter", make(share)}, {"quarters", make(share)}, {"liters", make(unit)},
    {"rounds", make(unit)}, {"gallons", make(unit)}, {"mm", make(unit)},
};

// ---- open-class words, by lemma -----------------------------------------------------------
// Each row names a lemma and how its forms read; morphology supplies the forms. A word the table
// above lists keeps its row there (and takes the lemma here), so an odd form can be listed once.
enum class word_class : std::uint8_t {
    noun,       // singular and plural
    verb,       // base, third person, past, gerund
    noun_verb,  // "attack", "arrest": the base and -s forms read as the noun unless context says verb
};

struct lemma_row {
    std::string_view lemma;
    word_class kind;
    entry e;    // how the lemma itself reads (the singular, or the base form)
};

constexpr entry plain() { return make(0); }
constexpr entry transitive(field f) { return pred(f, form::base); }
constexpr entry intransitive(field f) { return pred(f, form::intransitive); }
constexpr entry deverbal(field f) { return pred(f, form::noun); }
constexpr entry speaking() { return make(speech); }

const lemma_row lemmas[] = {
    // people (hostile)
    {"insurgent", word_class::noun, people(side::hostile)}, {"militant", word_class::noun, people(side::hostile)},
    {"fighter", word_class::noun, people(side::hostile)}, {"attacker", word_class::noun, people(side::hostile)},
    {"gunman", word_class::noun, people(side::hostile)}, {"shooter", word_class::noun, people(side::hostile)}, {"terrorist", word_class::noun, people(side::hostile)},
    {"bomber", word_class::noun, people(side::hostile)}, {"rebel", word_class::noun, people(side::hostile)},
    {"suspect", word_class::noun, people(side::hostile)}, {"facilitator", word_class::noun, people(side::hostile, role)},
    {"associate", word_class::noun, people(side::hostile)}, {"operative", word_class::noun, people(side::hostile)},
    {"emplacer", word_class::noun, people(side::hostile, role)}, {"financier", word_class::noun, people(side::hostile, role)},
    {"supplier", word_class::noun, people(side::hostile, role)}, {"sentry", word_class::noun, people(side::hostile)},
    {"sub-commander", word_class::noun, people(side::hostile, role)},
    {"subcommander", word_class::noun, people(side::hostile, role)}, {"detainee", word_class::noun, people(side::hostile)},
    {"jihadist", word_class::noun, people(side::hostile)}, {"extremist", word_class::noun, people(side::hostile)},
    {"assailant", word_class::noun, people(side::hostile)}, {"kidnapper", word_class::noun, people(side::hostile)},
    {"abductor", word_class::noun, people(side::hostile)},
    // people (no side of their own)
    {"expert", word_class::noun, people(side::none, role)}, {"specialist", word_class::noun, people(side::none, role)},
    {"coordinator", word_class::noun, people(side::none, role)}, {"instructor", word_class::noun, people(side::none, role)},
    {"leader", word_class::noun, people(side::none, role)}, {"commander", word_class::noun, people(side::none, role)},
    {"chief", word_class::noun, people(side::none, role)}, {"governor", word_class::noun, people(side::none, role)},
    {"deputy", word_class::noun, people(side::none, role)}, {"person", word_class::noun, people(side::none)},
    {"man", word_class::noun, people(side::none)}, {"male", word_class::noun, people(side::none)},
    {"female", word_class::noun, people(side::none)}, {"individual", word_class::noun, people(side::none)},
    {"occupant", word_class::noun, people(side::none)}, {"member", word_class::noun, people(side::none)},
    {"prisoner", word_class::noun, people(side::none)}, {"brother", word_class::noun, people(side::none)},
    {"son", word_class::noun, people(side::none)}, {"militia", word_class::noun, people(side::none, pl)},
    {"militiaman", word_class::noun, people(side::none)},
    // the local police's village guards, by their Pashto name ("four arbakis were killed")
    {"arbaki", word_class::noun, people(side::security)}, {"arbakai", word_class::noun, people(side::security)},
    // people (security forces, coalition)
    {"soldier", word_class::noun, people(side::security)}, {"trooper", word_class::noun, people(side::security)},
    {"serviceman", word_class::noun, people(side::security)}, {"policeman", word_class::noun, people(side::security)},
    {"policewoman", word_class::noun, people(side::security)}, {"officer", word_class::noun, people(side::security)},
    {"commando", word_class::noun, people(side::security)}, {"guard", word_class::noun, people(side::security)},
    {"bodyguard", word_class::noun, people(side::security)}, {"recruit", word_class::noun, people(side::security)},
    {"cadet", word_class::noun, people(side::security)}, {"paratrooper", word_class::noun, people(side::security)},
    {"sailor", word_class::noun, people(side::security)}, {"airman", word_class::noun, people(side::security)},
    {"pilot", word_class::noun, people(side::security)}, {"guardsman", word_class::noun, people(side::security)},
    {"marine", word_class::noun, people(side::coalition)},
    // ranks, each one officer ("a US general", "a police colonel"): whose, the words before say
    {"general", word_class::noun, people(side::none, role)}, {"colonel", word_class::noun, people(side::none, role)},
    {"captain", word_class::noun, people(side::none, role)}, {"lieutenant", word_class::noun, people(side::none, role)},
    {"sergeant", word_class::noun, people(side::none, role)}, {"corporal", word_class::noun, people(side::none, role)},
    {"brigadier", word_class::noun, people(side::none, role)}, {"admiral", word_class::noun, people(side::none, role)},
    // people (civilians)
    {"civilian", word_class::noun, people(side::civilian)}, {"child", word_class::noun, people(side::civilian)},
    {"boy", word_class::noun, people(side::civilian)}, {"girl", word_class::noun, people(side::civilian)},
    {"woman", word_class::noun, people(side::civilian)}, {"villager", word_class::noun, people(side::civilian)},
    {"resident", word_class::noun, people(side::civilian)}, {"passenger", word_class::noun, people(side::civilian)},
    {"student", word_class::noun, people(side::civilian)}, {"worker", word_class::noun, people(side::civilian)},
    {"employee", word_class::noun, people(side::civilian)}, {"teacher", word_class::noun, people(side::civilian)},
    {"journalist", word_class::noun, people(side::civilian)}, {"worshipper", word_class::noun, people(side::civilian)},
    {"worshiper", word_class::noun, people(side::civilian)}, {"farmer", word_class::noun, people(side::civilian)},
    {"pilgrim", word_class::noun, people(side::civilian)}, {"elder", word_class::noun, people(side::civilian)},
    {"relative", word_class::noun, people(side::civilian)}, {"judge", word_class::noun, people(side::civilian, role)},
    {"hostage", word_class::noun, people(side::civilian)}, {"family", word_class::noun, people(side::civilian)},
    {"victim", word_class::noun, people(side::civilian)}, {"spectator", word_class::noun, people(side::civilian)},
    {"patient", word_class::noun, people(side::civilian)}, {"diplomat", word_class::noun, people(side::civilian)},
    {"interpreter", word_class::noun, people(side::civilian)}, {"translator", word_class::noun, people(side::civilian)},
    {"engineer", word_class::noun, people(side::civilian)}, {"guest", word_class::noun, people(side::civilian)},
    {"shopper", word_class::noun, people(side::civilian)}, {"protester", word_class::noun, people(side::civilian)},
    {"protestor", word_class::noun, people(side::civilian)}, {"demonstrator", word_class::noun, people(side::civilian)},
    {"mourner", word_class::noun, people(side::civilian)}, {"driver", word_class::noun, people(side::civilian)},
    {"labourer", word_class::noun, people(side::civilian)}, {"laborer", word_class::noun, people(side::civilian)},
    {"nurse", word_class::noun, people(side::civilian)}, {"doctor", word_class::noun, people(side::civilian)},
    {"shepherd", word_class::noun, people(side::civilian)}, {"cleric", word_class::noun, people(side::civilian)},
    {"migrant", word_class::noun, people(side::civilian)}, {"refugee", word_class::noun, people(side::civilian)},
    {"returnee", word_class::noun, people(side::civilian)}, {"vaccinator", word_class::noun, people(side::civilian)},
    {"nomad", word_class::noun, people(side::civilian)}, {"kuchi", word_class::noun, people(side::civilian)}, {"inmate", word_class::noun, people(side::none)},
    {"hazara", word_class::noun, people(side::civilian)}, {"sikh", word_class::noun, people(side::civilian)},
    {"hindu", word_class::noun, people(side::civilian)}, {"shiite", word_class::noun, people(side::civilian)},
    {"talib", word_class::noun, people(side::hostile)},
    {"imam", word_class::noun, people(side::civilian)}, {"candidate", word_class::noun, people(side::civilian)},
    {"athlete", word_class::noun, people(side::civilian)}, {"player", word_class::noun, people(side::civilian)},
    {"customer", word_class::noun, people(side::civilian)}, {"citizen", word_class::noun, people(side::civilian)},
    {"national", word_class::noun, people(side::none)}, // ("five Indian nationals")
    {"tourist", word_class::noun, people(side::civilian)}, {"infant", word_class::noun, people(side::civilian)},
    {"baby", word_class::noun, people(side::civilian)}, {"teenager", word_class::noun, people(side::civilian)},
    {"schoolgirl", word_class::noun, people(side::civilian)}, {"schoolboy", word_class::noun, people(side::civilian)},
    {"reporter", word_class::noun, people(side::civilian)}, {"photographer", word_class::noun, people(side::civilian)},
    {"cameraman", word_class::noun, people(side::civilian)}, {"pedestrian", word_class::noun, people(side::civilian)},
    {"bystander", word_class::noun, people(side::civilian)}, {"deminer", word_class::noun, people(side::civilian)},
    {"passer-by", word_class::noun, people(side::civilian)}, {"passerby", word_class::noun, people(side::civilian)},
    {"shopkeeper", word_class::noun, people(side::civilian)}, {"contractor", word_class::noun, people(side::civilian)},
    {"tribesman", word_class::noun, people(side::civilian)}, {"mother", word_class::noun, people(side::civilian)},
    {"father", word_class::noun, people(side::civilian)}, {"daughter", word_class::noun, people(side::civilian)},
    {"wife", word_class::noun, people(side::civilian)}, {"husband", word_class::noun, people(side::civilian)},
    {"sister", word_class::noun, people(side::civilian)}, {"volunteer", word_class::noun, people(side::civilian)},
    {"activist", word_class::noun, people(side::civilian)}, {"pupil", word_class::noun, people(side::civilian)},
    {"adult", word_class::noun, people(side::civilian)}, {"teen", word_class::noun, people(side::civilian)},
    {"youngster", word_class::noun, people(side::civilian)}, {"toddler", word_class::noun, people(side::civilian)},
    {"traveller", word_class::noun, people(side::civilian)}, {"traveler", word_class::noun, people(side::civilian)},
    {"commuter", word_class::noun, people(side::civilian)}, {"vendor", word_class::noun, people(side::civilian)},
    {"trader", word_class::noun, people(side::civilian)}, {"merchant", word_class::noun, people(side::civilian)},
    {"lawyer", word_class::noun, people(side::civilian)}, {"prosecutor", word_class::noun, people(side::civilian)},
    {"surgeon", word_class::noun, people(side::civilian)}, {"medic", word_class::noun, people(side::civilian)},
    {"staffer", word_class::noun, people(side::civilian)}, {"colleague", word_class::noun, people(side::none)},
    {"grandson", word_class::noun, people(side::civilian)}, {"nephew", word_class::noun, people(side::civilian)},
    {"cousin", word_class::noun, people(side::civilian)}, {"uncle", word_class::noun, people(side::civilian)},
    {"agent", word_class::noun, people(side::none)}, {"spy", word_class::noun, people(side::none)},
    {"adviser", word_class::noun, people(side::none)}, {"advisor", word_class::noun, people(side::none)},
    {"combatant", word_class::noun, people(side::none)}, {"non-combatant", word_class::noun, people(side::civilian)},
    {"trainer", word_class::noun, people(side::none)}, {"mentor", word_class::noun, people(side::none)},

    // casualty predicates
    {"kill", word_class::verb, transitive(field::killed)}, {"slay", word_class::verb, transitive(field::killed)},
    {"martyr", word_class::verb, transitive(field::killed)}, {"assassinate", word_class::verb, transitive(field::killed)},
    {"execute", word_class::verb, transitive(field::killed)}, {"behead", word_class::verb, transitive(field::killed)},
    {"decapitate", word_class::verb, transitive(field::killed)},
    {"murder", word_class::verb, transitive(field::killed)}, {"lose", word_class::verb, transitive(field::killed)},
    {"eliminate", word_class::verb, transitive(field::killed)}, {"neutralize", word_class::verb, transitive(field::killed)},
    {"neutralise", word_class::verb, transitive(field::killed)}, {"slaughter", word_class::verb, transitive(field::killed)},
    {"die", word_class::verb, intransitive(field::killed)}, {"perish", word_class::verb, intransitive(field::killed)},
    {"succumb", word_class::verb, intransitive(field::killed)}, // "succumbed to their wounds"
    {"death", word_class::noun, deverbal(field::killed)}, {"killing", word_class::noun, deverbal(field::killed)},
    {"wound", word_class::verb, transitive(field::wounded)}, {"injure", word_class::verb, transitive(field::wounded)},
    // "five people were hospitalized after the blast": taken to hospital hurt
    {"hospitalize", word_class::verb, transitive(field::wounded)}, {"hospitalise", word_class::verb, transitive(field::wounded)},
    {"maim", word_class::verb, transitive(field::wounded)}, {"injury", word_class::noun, deverbal(field::wounded)},
    {"fatality", word_class::noun, deverbal(field::killed)},
    {"capture", word_class::noun_verb, deverbal(field::captured)}, {"arrest", word_class::noun_verb, deverbal(field::captured)},
    {"detain", word_class::verb, transitive(field::captured)}, {"apprehend", word_class::verb, transitive(field::captured)},
    {"abduct", word_class::verb, transitive(field::captured)}, {"kidnap", word_class::verb, transitive(field::captured)},
    {"detention", word_class::noun, deverbal(field::captured)}, {"detainment", word_class::noun, deverbal(field::captured)},
    {"abduction", word_class::noun, deverbal(field::captured)}, {"nab", word_class::verb, transitive(field::captured)},
    {"snatch", word_class::verb, transitive(field::captured)},

    // incidents
    {"attack", word_class::noun_verb, event(event_kind::attack)}, {"ambush", word_class::noun_verb, event(event_kind::ambush)},
    {"clash", word_class::noun_verb, event(event_kind::clash)}, {"battle", word_class::noun_verb, event(event_kind::clash)},
    {"fight", word_class::noun_verb, event(event_kind::clash)}, {"assault", word_class::noun_verb, event(event_kind::attack)},
    {"raid", word_class::noun_verb, event(event_kind::raid)}, {"bomb", word_class::noun_verb, event(event_kind::bombing)},
    {"retreat", word_class::noun_verb, event(event_kind::withdrawal)},
    {"recapture", word_class::noun_verb, event(event_kind::recapture)}, {"crash", word_class::noun_verb, event(event_kind::crash)},
    {"besiege", word_class::verb, event(event_kind::clash)}, {"encircle", word_class::verb, event(event_kind::clash)},
    {"firefight", word_class::noun, event(event_kind::clash)}, {"gunfight", word_class::noun, event(event_kind::clash)},
    {"gunbattle", word_class::noun, event(event_kind::clash)}, {"skirmish", word_class::noun, event(event_kind::clash)},
    {"shootout", word_class::noun, event(event_kind::clash)}, {"gunfire", word_class::noun, event(event_kind::clash)},
    {"operation", word_class::noun, event(event_kind::operation)}, {"patrol", word_class::noun, event(event_kind::operation)},
    {"strike", word_class::noun, event(event_kind::airstrike)}, {"airstrike", word_class::noun, event(event_kind::airstrike)},
    {"air-strike", word_class::noun, event(event_kind::airstrike)}, {"bombardment", word_class::noun, event(event_kind::airstrike)},
    {"gunship", word_class::noun, event(event_kind::airstrike)},
    {"bombing", word_class::noun, event(event_kind::bombing)}, {"blast", word_class::noun, event(event_kind::bombing)},
    {"explosion", word_class::noun, event(event_kind::bombing)}, {"ied", word_class::noun, event(event_kind::bombing)},
    {"landmine", word_class::noun, event(event_kind::bombing)}, {"mine", word_class::noun, event(event_kind::bombing)}, {"seizure", word_class::noun, event(event_kind::seizure)},
    {"takeover", word_class::noun, event(event_kind::seizure)}, {"withdrawal", word_class::noun, event(event_kind::withdrawal)},
    {"shelling", word_class::noun, event(event_kind::shelling)}, {"rocket", word_class::noun, event(event_kind::shelling)},
    {"mortar", word_class::noun, event(event_kind::shelling)}, {"assassination", word_class::noun, event(event_kind::attack)},
    {"massacre", word_class::noun, event(event_kind::attack)}, {"siege", word_class::noun, event(event_kind::attack)},
    // "a jailbreak", "a prison break": a prison attacked to free those held in it
    {"jailbreak", word_class::noun, event(event_kind::attack)}, {"prison-break", word_class::noun, event(event_kind::attack)},
    {"shooting", word_class::noun, event(event_kind::attack)},
    // "torched a school", "an arson attack": property set on fire (news codebook: other)
    {"torch", word_class::verb, event(event_kind::arson)}, {"arson", word_class::noun, event(event_kind::arson)},
    {"storm", word_class::verb, event(event_kind::attack)}, {"overrun", word_class::verb, event(event_kind::attack)},
    // "commandos rescued 40 hostages": an operation to free them, read in context (the noun is
    // disasters' rescue teams)
    {"rescue", word_class::verb, make(0)}, {"free", word_class::verb, make(0)},
    {"engage", word_class::verb, event(event_kind::clash)}, {"repulse", word_class::verb, event(event_kind::clash)},
    {"repel", word_class::verb, event(event_kind::clash)}, {"explode", word_class::verb, event(event_kind::bombing)},
    {"detonate", word_class::verb, event(event_kind::bombing)}, {"seize", word_class::verb, event(event_kind::seizure)},
    {"fall", word_class::verb, event(event_kind::seizure)}, {"abandon", word_class::verb, event(event_kind::withdrawal)},
    {"withdraw", word_class::verb, event(event_kind::withdrawal)}, {"evacuate", word_class::verb, event(event_kind::withdrawal)},
    {"vacate", word_class::verb, event(event_kind::withdrawal)},
    {"retake", word_class::verb, event(event_kind::recapture)}, {"regain", word_class::verb, event(event_kind::recapture)},
    {"liberate", word_class::verb, event(event_kind::recapture)}, {"shell", word_class::verb, event(event_kind::shelling)},

    // speech
    // speech ("a claim", "the state", "a show" are nouns: those lemmas speak only as verbs)
    {"say", word_class::verb, speaking()}, {"tell", word_class::verb, speaking()}, {"add", word_class::verb, speaking()},
    {"announce", word_class::verb, speaking()}, {"insist", word_class::verb, speaking()},
    {"indicate", word_class::verb, speaking()}, {"confirm", word_class::verb, speaking()},
    {"claim", word_class::noun_verb, speaking()}, {"state", word_class::noun_verb, speaking()},
    {"note", word_class::noun_verb, speaking()}, {"show", word_class::noun_verb, speaking()},
    {"report", word_class::noun_verb, speaking()}, {"estimate", word_class::noun_verb, speaking()},
    {"place", word_class::noun_verb, speaking()},

    // disasters and accidents: casualties no one inflicted
    {"coal", word_class::noun, make(mishap)}, // "a coal mine collapse": a mine dug, not laid
    {"earthquake", word_class::noun, make(mishap)}, {"quake", word_class::noun, make(mishap)},
    {"tremor", word_class::noun, make(mishap)}, {"flood", word_class::noun_verb, make(mishap)},
    {"flooding", word_class::noun, make(mishap)}, {"avalanche", word_class::noun, make(mishap)},
    {"landslide", word_class::noun, make(mishap)}, {"mudslide", word_class::noun, make(mishap)},
    {"snowstorm", word_class::noun, make(mishap)}, {"blizzard", word_class::noun, make(mishap)},
    {"drought", word_class::noun, make(mishap)}, {"heatwave", word_class::noun, make(mishap)},
    {"snow", word_class::noun, make(mishap)}, {"snowfall", word_class::noun, make(mishap)},
    {"weather", word_class::noun, make(mishap)}, {"hypothermia", word_class::noun, make(mishap)},
    {"frostbite", word_class::noun, make(mishap)}, {"rainfall", word_class::noun, make(mishap)},
    {"downpour", word_class::noun, make(mishap)},
    {"accident", word_class::noun, make(mishap)}, {"collision", word_class::noun, make(mishap)},
    {"collide", word_class::verb, make(mishap)}, {"capsize", word_class::verb, make(mishap)},
    {"drown", word_class::verb, make(mishap)}, {"overturn", word_class::verb, make(mishap)},
    {"lightning", word_class::noun, make(mishap)}, {"epidemic", word_class::noun, make(mishap)},
    // a death by illness is no violence: "dies after a long illness", "died of cancer"
    {"illness", word_class::noun, make(mishap)}, {"disease", word_class::noun, make(mishap)},
    {"cancer", word_class::noun, make(mishap)}, {"coronavirus", word_class::noun, make(mishap)},
    {"covid", word_class::noun, make(mishap)}, {"covid-19", word_class::noun, make(mishap)},
    {"pneumonia", word_class::noun, make(mishap)}, {"malaria", word_class::noun, make(mishap)},
    {"outbreak", word_class::noun, make(mishap)}, {"collapse", word_class::noun_verb, make(mishap)},
    // "a stampede at a stadium", "a gas explosion": crowds and fuel, not an attack
    {"stampede", word_class::noun_verb, make(mishap)}, {"gas", word_class::noun, make(mishap)},
    // "died in a crush at the airport" (mentions.cpp: only after "a" or "the", not "forces crush an attack")
    {"crush", word_class::noun, make(mishap)},
    // justice: a trial names the crime it tries
    // ("a bomb near a court" is a place: the verbs and the trial itself say a case is tried)
    {"trial", word_class::noun, make(judicial)}, {"sentence", word_class::verb, make(judicial)},
    {"convict", word_class::verb, make(judicial)}, {"acquit", word_class::verb, make(judicial)},
    {"indict", word_class::verb, make(judicial)}, {"prosecute", word_class::verb, make(judicial)},
    {"verdict", word_class::noun, make(judicial)}, {"plead", word_class::verb, make(judicial)},
    {"testify", word_class::verb, make(judicial)}, {"jail", word_class::verb, make(judicial)},
    // ("the court rules that": a ruling only with a court before it, mentions.cpp)
    {"rule", word_class::verb, make(judicial)},

    // reactions: a statement about an incident is no report of it ("NATO apologises for the deaths",
    // "MSF calls for an inquiry", "the Taliban vow to fight on")
    {"apologize", word_class::verb, make(reaction)}, {"apologise", word_class::verb, make(reaction)},
    {"condemn", word_class::verb, make(reaction)}, {"warn", word_class::verb, make(reaction)},
    {"advise", word_class::verb, make(reaction)}, {"urge", word_class::verb, make(reaction)},
    {"demand", word_class::verb, make(reaction)}, {"comment", word_class::verb, make(reaction)},
    {"resign", word_class::verb, make(reaction)}, {"vote", word_class::verb, make(reaction)},
    {"discuss", word_class::verb, make(reaction)}, {"welcome", word_class::verb, make(reaction)},
    {"praise", word_class::verb, make(reaction)}, {"mourn", word_class::verb, make(reaction)},
    {"investigate", word_class::verb, make(reaction)}, {"probe", word_class::verb, make(reaction)},
    {"vow", word_class::verb, make(reaction)}, {"pledge", word_class::verb, make(reaction)},
    {"promise", word_class::verb, make(reaction)}, {"deny", word_class::verb, make(reaction)},
    {"reject", word_class::verb, make(reaction)}, {"criticize", word_class::verb, make(reaction)},
    {"criticise", word_class::verb, make(reaction)}, {"commemorate", word_class::verb, make(reaction)},
    {"protest", word_class::verb, make(reaction)}, {"blame", word_class::verb, make(reaction)},
    {"admit", word_class::verb, make(reaction)}, {"confess", word_class::verb, make(reaction)},
    {"call", word_class::verb, plain()},

    // verbs the rules name by lemma, with no category of their own
    {"take", word_class::verb, plain()}, {"hand", word_class::verb, plain()}, {"hold", word_class::verb, plain()}, {"surrender", word_class::verb, plain()},
    {"control", word_class::verb, plain()}, {"hold", word_class::verb, plain()}, {"flee", word_class::verb, plain()},
    {"pull", word_class::verb, plain()}, {"leave", word_class::verb, plain()}, {"shoot", word_class::verb, plain()},
    {"stab", word_class::verb, plain()}, {"beat", word_class::verb, plain()}, {"gun", word_class::verb, make(cue)},
    // "stoned a woman to death", "was hacked to death": ways of killing told with "to death" (mentions.cpp)
    {"stone", word_class::verb, plain()}, {"hack", word_class::verb, plain()}, {"club", word_class::verb, plain()},
    {"torture", word_class::verb, plain()}, {"strangle", word_class::verb, plain()}, {"bludgeon", word_class::verb, plain()},
    {"hang", word_class::verb, plain()}, {"lynch", word_class::verb, plain()}, {"batter", word_class::verb, plain()},
    {"whip", word_class::verb, plain()}, {"flog", word_class::verb, plain()}, {"knife", word_class::verb, plain()},
    {"blow", word_class::verb, plain()}, {"go", word_class::verb, plain()}, {"remain", word_class::verb, plain()},
    {"find", word_class::verb, plain()}, {"fear", word_class::verb, plain()}, {"presume", word_class::verb, plain()},
    {"believe", word_class::verb, plain()}, {"think", word_class::verb, plain()}, {"result", word_class::verb, plain()},
    // "attacks also occur in Logar and Helmand": what incidents do when they are told as news
    {"occur", word_class::verb, plain()}, {"happen", word_class::verb, plain()},
    {"launch", word_class::verb, plain()}, {"fire", word_class::verb, plain()}, {"open", word_class::verb, plain()},
    {"device", word_class::noun, plain()}, {"hit", word_class::verb, plain()}, {"rock", word_class::verb, plain()},
    {"pound", word_class::verb, plain()}, {"slam", word_class::verb, plain()}, {"hammer", word_class::verb, plain()},
    // "officials dismissed the claim", "refuted reports that the district had fallen": denials
    {"dismiss", word_class::verb, plain()}, {"refute", word_class::verb, plain()},
    // "troops were airlifted out of the district centre": forces taken out by air
    {"airlift", word_class::verb, plain()},
    // "fighting continues", "clashes persisted": a claimed change of hands answered by fighting still told
    {"continue", word_class::verb, plain()}, {"persist", word_class::verb, plain()},
    // "insurgents burned down a school": arson when someone burns property (mentions.cpp)
    {"burn", word_class::verb, plain()},
    // "the Taliban destroyed two bridges": sabotage when an armed group destroys property (mentions.cpp)
    {"destroy", word_class::verb, plain()},
    // "a vehicle struck a mine": a verb too, beside the noun of an air strike
    {"strike", word_class::verb, plain()},
    // "police rounded up 12 suspects": people detained (mentions.cpp)
    {"round", word_class::verb, make(cue)},
    // "agents picked up three suspects": insurgents detained (mentions.cpp)
    {"pick", word_class::verb, make(cue)},
    // "laid siege to the district centre": a verb, which ends the noun phrase before "siege"
    {"lay", word_class::verb, plain()},
    // "stepped up attacks on", "unleashed a wave of attacks", "resumed fighting in": attacks made
    // again or more (mentions.cpp, launched_at_a_place)
    {"step", word_class::verb, plain()}, {"unleash", word_class::verb, plain()}, {"resume", word_class::verb, plain()},
    {"intensify", word_class::verb, plain()}, {"renew", word_class::verb, plain()}, {"escalate", word_class::verb, plain()},
    {"foil", word_class::verb, make(intent)}, {"thwart", word_class::verb, make(intent)}, {"avert", word_class::verb, make(intent)},
    {"defuse", word_class::verb, make(intent)}, {"clear", word_class::verb, plain()}, {"reclaim", word_class::verb, plain()},
    {"conquer", word_class::verb, plain()}, {"occupy", word_class::verb, plain()}, {"gain", word_class::verb, plain()},
    {"handover", word_class::noun, plain()}, {"push", word_class::verb, plain()}, {"drive", word_class::verb, plain()},
    {"expel", word_class::verb, plain()}, {"oust", word_class::verb, plain()}, {"evict", word_class::verb, plain()},
    {"raise", word_class::verb, plain()}, {"hoist", word_class::verb, plain()}, {"enter", word_class::verb, plain()},
    {"sweep", word_class::verb, plain()}, {"march", word_class::verb, plain()}, {"roll", word_class::verb, plain()},
    {"swarm", word_class::verb, plain()}, {"pour", word_class::verb, plain()}, {"wrest", word_class::verb, plain()},
    {"relocate", word_class::verb, plain()}, // forces "relocated from the district centre": left it
    // verbs that make an incident or an effort of the noun after them ("carried out attacks", "staged a
    // raid", "began an operation")
    {"carry", word_class::verb, plain()}, {"stage", word_class::verb, plain()}, {"mount", word_class::verb, plain()},
    {"start", word_class::verb, plain()}, {"begin", word_class::verb, plain()},
};

// Lemmas a change of hands may turn on (extract/territory.cpp): every form of them is marked
// territorial, so that the grammar asks about territory only where it may be told.
constexpr std::string_view territorial_lemmas[] = {
    "capture", "seize", "overrun", "conquer", "occupy", "seizure", "takeover", "retake", "recapture", "regain",
    "liberate", "reclaim", "take", "gain", "clear", "abandon", "evacuate", "vacate", "surrender", "withdraw", "retreat",
    "flee", "withdrawal", "pull", "lose", "hand", "handover", "fall", "control", "hold", "collapse",
    "push", "drive", "expel", "oust", "evict", "raise", "hoist", "enter", "leave", "claim", "sweep", "march", "roll",
    "swarm", "pour", "wrest", "storm", "relocate", "airlift"};

// How one form of a lemma reads.
entry form_entry(const lemma_row& r, morph::inflection infl) {
    using morph::inflection;
    entry e = r.e;
    e.inflection = infl;
    bool noun_reading = r.kind == word_class::noun ||
                        (r.kind == word_class::noun_verb && (infl == inflection::base || infl == inflection::third_person ||
                                                             infl == inflection::singular || infl == inflection::plural));
    if (noun_reading) {
        if (e.flags & speech) return entry{0, 0, field::none, form::none, side::none, event_kind::none, e.lemma, infl};
        if (r.kind == word_class::noun_verb) e.flags |= verb_too;
        bool plural_form = infl == inflection::plural || infl == inflection::third_person;
        if (plural_form) {
            e.flags |= plural;
            e.flags &= ~static_cast<std::uint64_t>(role); // "leaders" names no one individual
        }
        return e;
    }
    bool finite = infl == inflection::third_person || infl == inflection::past;
    if (e.flags & predicate) {
        if (e.form == form::intransitive) {
            // "people die" as "people died"; "to die" is read as an intention by the grammar
            if (infl == inflection::gerund) return entry{0, 0, field::none, form::none, side::none, event_kind::none, e.lemma, infl};
        } else {
            e.form = finite ? form::participle : infl == inflection::gerund ? form::gerund : form::base;
        }
        return e;
    }
    if ((e.flags & (trigger | speech)) && finite) e.flags |= verb;
    return e;
}

struct index {
    static constexpr std::size_t capacity = 8192; // power of two, well above twice the words
    struct slot {
        row* r = nullptr;
        std::uint32_t hash = 0;
    };
    std::array<slot, capacity> slots{};
    std::deque<row> rows;              // every word: the table's, then the lemmas' forms
    std::deque<std::string> spellings; // the generated forms rows[].word points into
    std::vector<std::string_view> lemma_names{""};

    // Eight bytes per multiply (a word of eight or more ends with the last eight, overlapping), where
    // FNV-1a took a dependent multiply per byte: lookup hashes every token of nine bytes or more, and
    // lookup_person every lower-case word the lexicon does not know.
    static std::uint32_t hash(std::string_view s) {
        constexpr std::uint64_t mix = 0x9E3779B97F4A7C15ull;
        std::uint64_t h = s.size() * mix;
        auto add = [&](std::uint64_t chunk) { h = std::rotl((h ^ chunk) * mix, 29); };
        if (s.size() < 8) {
            add(pack_short(s));
        } else {
            std::uint64_t chunk;
            for (std::size_t i = 0; i + 8 <= s.size(); i += 8) {
                std::memcpy(&chunk, s.data() + i, 8);
                add(chunk);
            }
            if (s.size() % 8 != 0) {
                std::memcpy(&chunk, s.data() + s.size() - 8, 8);
                add(chunk);
            }
        }
        h *= mix;
        return static_cast<std::uint32_t>(h ^ (h >> 32));
    }

    // A word of under eight bytes in one integer, for the hash alone: two overlapping loads that stay
    // inside it, or its first, middle and last bytes, where a loop packed it byte by byte (every
    // unknown lower-case word of a text is hashed: lookup_person).
    static std::uint64_t pack_short(std::string_view s) {
        const std::size_t n = s.size();
        const char* p = s.data();
        if (n >= 4) {
            std::uint32_t head, tail;
            std::memcpy(&head, p, 4);
            std::memcpy(&tail, p + n - 4, 4);
            return std::uint64_t{head} | (std::uint64_t{tail} << (8 * (n - 4)));
        }
        auto byte = [&](std::size_t k) { return std::uint64_t{static_cast<unsigned char>(p[k])} << (8 * k); };
        return n == 0 ? 0 : byte(0) | byte(n / 2) | byte(n - 1);
    }

    row* find_row(std::string_view word) {
        std::uint32_t h = hash(word);
        for (std::size_t i = h & (capacity - 1); slots[i].r; i = (i + 1) & (capacity - 1))
            if (slots[i].hash == h && slots[i].r->word == word) return slots[i].r;
        return nullptr;
    }

    void insert(std::string_view word, const entry& e) {
        rows.push_back({word, e});
        row& r = rows.back();
        std::uint32_t h = hash(word);
        std::size_t i = h & (capacity - 1);
        while (slots[i].r) i = (i + 1) & (capacity - 1);
        slots[i] = {&r, h};
        if (!word.empty() && word.size() <= 8) add_short(r);
    }

    index() {
        for (const auto& r : table)
            if (!find_row(r.word)) insert(r.word, r.e);
        for (const auto& l : lemmas) {
            std::uint16_t id = 0;
            for (std::size_t k = 1; k < lemma_names.size() && !id; ++k)
                if (lemma_names[k] == l.lemma) id = static_cast<std::uint16_t>(k);
            if (!id) {
                lemma_names.push_back(l.lemma);
                id = static_cast<std::uint16_t>(lemma_names.size() - 1);
            }
            lemma_row with_id = l;
            with_id.e.lemma = id;
            std::uint64_t extra = 0;
            for (auto t : territorial_lemmas)
                if (t == l.lemma) extra = territorial;
            auto forms = l.kind == word_class::noun ? morph::noun_forms(l.lemma) : morph::verb_forms(l.lemma);
            for (const auto& f : forms) {
                if (row* existing = find_row(f.word)) {
                    // a word the table lists as it is keeps its reading, and learns its lemma
                    if (!existing->e.lemma) {
                        existing->e.lemma = id;
                        existing->e.inflection = f.form;
                    }
                    if (existing->e.lemma == id) existing->e.flags |= extra;
                    continue;
                }
                spellings.push_back(f.word);
                entry e = form_entry(with_id, f.form);
                e.flags |= extra;
                insert(spellings.back(), e);
            }
        }
    }

    // Words of up to eight bytes, most of what is looked up, packed into one integer: one multiply
    // to hash and one compare per probe, no memcmp. The length is kept beside the packed bytes, so
    // a word with a NUL byte cannot pass for a shorter one. An empty slot has no entry.
    static constexpr std::size_t short_capacity = 4096;
    struct short_slot {
        std::uint64_t packed = 0;
        const entry* e = nullptr;
        std::size_t length = 0;
    };
    std::array<short_slot, short_capacity> short_slots{};

    static std::size_t short_hash(std::uint64_t packed) {
        return static_cast<std::size_t>((packed * 0x9E3779B97F4A7C15ull) >> 52); // 12 bits: short_capacity
    }

    void add_short(const row& r) {
        std::uint64_t packed = 0;
        for (std::size_t k = 0; k < r.word.size(); ++k)
            packed |= std::uint64_t{static_cast<unsigned char>(r.word[k])} << (8 * k);
        std::size_t i = short_hash(packed);
        while (short_slots[i].e && !(short_slots[i].packed == packed && short_slots[i].length == r.word.size()))
            i = (i + 1) & (short_capacity - 1);
        if (!short_slots[i].e) short_slots[i] = {packed, &r.e, r.word.size()};
    }

    const entry* find_short(std::uint64_t packed, std::size_t length) const {
        for (std::size_t i = short_hash(packed); short_slots[i].e; i = (i + 1) & (short_capacity - 1))
            if (short_slots[i].packed == packed && short_slots[i].length == length) return short_slots[i].e;
        return nullptr;
    }

    const entry* find(std::string_view lower, std::uint32_t h) const {
        std::size_t i = h & (capacity - 1);
        while (slots[i].r) {
            if (slots[i].hash == h && slots[i].r->word == lower) return &slots[i].r->e;
            i = (i + 1) & (capacity - 1);
        }
        return nullptr;
    }
};

const index& the_index() {
    static const index idx;
    return idx;
}

// The built index for the look-ups of every token: the function-local static's guard, checked on
// each call, made lookup_folded keep registers for the rare call that builds it. Published once
// built; a call before that takes the out-of-line path.
std::atomic<const index*> built_index{nullptr};

[[gnu::noinline, gnu::cold]] const index& first_index() {
    const index& built = the_index();
    built_index.store(&built, std::memory_order_release);
    return built;
}

const index& ready_index() {
    const index* built = built_index.load(std::memory_order_acquire);
    return built ? *built : first_index();
}

#include "wordnet_people.inc"

// Every form of WordNet's nouns for people (extract/generate/wordnet_people.cpp) that the table and
// the lemmas above do not list: "headmaster", "tribesmen". They read as people of no side, and one
// of them as an individual's role, as "commander" does ("Sultanzoy, a district administrator,").
struct people_index {
    static constexpr std::size_t capacity = std::size_t{1} << 16; // power of two, over three times the forms
    struct slot {
        std::uint32_t hash = 0;
        std::uint32_t row = 0; // 1 + index into rows; 0 for an empty slot
    };
    std::vector<slot> slots = std::vector<slot>(capacity);
    std::vector<row> rows;
    std::deque<std::string> spellings;
    // One bit per hash's low bits: most words looked up here are no person's, and the bit spares them
    // a probe of the table, which is too large for the cache close to the core.
    static constexpr std::size_t filter_bits = std::size_t{1} << 16;
    std::array<std::uint64_t, filter_bits / 64> filter{};

    people_index() {
        const index& listed = the_index();
        for (auto lemma : wordnet_people) {
            if (listed.find(lemma, index::hash(lemma))) continue;
            const lemma_row as_people{lemma, word_class::noun, people(side::none, role)};
            for (const auto& f : morph::noun_forms(lemma)) {
                if (listed.find(f.word, index::hash(f.word)) || find(f.word, index::hash(f.word))) continue;
                spellings.push_back(f.word);
                rows.push_back({spellings.back(), form_entry(as_people, f.form)});
                const std::uint32_t h = index::hash(spellings.back());
                filter[(h >> 16) / 64] |= std::uint64_t{1} << ((h >> 16) % 64);
                std::size_t i = h & (capacity - 1);
                while (slots[i].row) i = (i + 1) & (capacity - 1);
                slots[i] = {h, static_cast<std::uint32_t>(rows.size())};
            }
        }
    }

    const entry* find(std::string_view lower, std::uint32_t h) const {
        if (!(filter[(h >> 16) / 64] & (std::uint64_t{1} << ((h >> 16) % 64)))) return nullptr;
        for (std::size_t i = h & (capacity - 1); slots[i].row; i = (i + 1) & (capacity - 1)) {
            const row& r = rows[slots[i].row - 1];
            if (slots[i].hash == h && r.word == lower) return &r.e;
        }
        return nullptr;
    }
};

const people_index& the_people() {
    static const people_index idx;
    return idx;
}

// ASCII upper case -> lower case, every other byte unchanged: one load per byte where lookup packs a short word.
constexpr std::array<char, 256> ascii_lower = [] {
    std::array<char, 256> t{};
    for (int c = 0; c < 256; ++c)
        t[static_cast<std::size_t>(c)] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    return t;
}();

} // namespace

const entry& lookup(std::string_view word) {
    static const entry unknown{};
    constexpr std::size_t longest = 24;
    if (word.empty() || word.size() > longest) return unknown;
    if (word.size() <= 8) {
        std::uint64_t packed = 0;
        for (std::size_t i = 0; i < word.size(); ++i)
            packed |= std::uint64_t{static_cast<unsigned char>(ascii_lower[static_cast<unsigned char>(word[i])])} << (8 * i);
        return lookup_folded(packed, word.size());
    }
    // nine bytes or more: folded eight at a time, the last eight overlapping the others
    char buf[longest];
    for (std::size_t k = 0; k < word.size(); k += 8) {
        const std::size_t at = std::min(k, word.size() - 8);
        std::uint64_t bytes;
        std::memcpy(&bytes, word.data() + at, 8);
        bytes = lower_ascii_letters(bytes);
        std::memcpy(buf + at, &bytes, 8);
    }
    const std::string_view lower(buf, word.size());
    const entry* e = ready_index().find(lower, index::hash(lower));
    return e ? *e : unknown;
}


const entry& lookup_folded(std::uint64_t folded, std::size_t size) {
    static const entry unknown{};
    const entry* e = ready_index().find_short(folded, size);
    return e ? *e : unknown;
}

const entry& lookup_person(std::string_view lower_word) {
    static const entry unknown{};
    const entry* e = the_people().find(lower_word, index::hash(lower_word));
    return e ? *e : unknown;
}

std::string_view lemma_name(std::uint16_t lemma) {
    const auto& names = the_index().lemma_names;
    return lemma < names.size() ? names[lemma] : std::string_view();
}


bool gives_up(std::string_view lemma) {
    static constexpr std::string_view leaving[] = {"leave", "withdraw", "withdrawal", "abandon",
                                                   "retreat", "flee", "evacuate", "vacate", "pull", "relocate"};
    return !lemma.empty() && std::find(std::begin(leaving), std::end(leaving), lemma) != std::end(leaving);
}

std::uint16_t lemma_id(std::string_view lemma) {
    const auto& names = the_index().lemma_names;
    for (std::size_t k = 1; k < names.size(); ++k)
        if (names[k] == lemma) return static_cast<std::uint16_t>(k);
    return 0;
}

} // namespace naqsha::extract::lex
