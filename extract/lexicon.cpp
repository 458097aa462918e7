#include "extract/lexicon.hpp"

#include <array>
#include <cstring>
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
    {"fatally", make(adverb)}, {"critically", make(adverb)}, {"seriously", make(adverb)},
    {"severely", make(adverb)}, {"slightly", make(adverb)}, {"lightly", make(adverb)}, {"badly", make(adverb)},
    {"together", make(adverb)}, {"altogether", make(adverb)}, {"respectively", make(adverb)},
    // sentence adverbs: "Afterwards, a male insurgent was killed" is no list of names
    {"afterwards", make(adverb)}, {"afterward", make(adverb)}, {"meanwhile", make(adverb)},

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
    {"number", make(vague | pl, 3)}, {"handful", make(vague | pl, 3)}, {"numerous", make(vague | pl, 4)},
    {"many", make(vague | pl, 4)}, {"dozens", make(vague | pl, 24)}, {"scores", make(vague | pl, 40)},
    {"hundreds", make(vague | pl, 200)}, {"thousands", make(vague | pl, 2000)}, {"tens", make(vague | pl, 20)},
    {"another", make(additive | determiner, 1)}, {"additional", make(additive)}, {"more", make(additive | modifier)},
    {"other", make(additive)}, {"further", make(additive)}, {"addition", make(additive)},
    {"additionally", make(additive)}, {"least", make(modifier)}, {"most", make(modifier)},
    {"nearly", make(modifier)}, {"almost", make(modifier)}, {"approximately", make(modifier)},
    {"roughly", make(modifier)}, {"fewer", make(modifier)}, {"less", make(modifier)},
    {"total", make(modifier)}, {"upwards", make(modifier)}, {"exceeding", make(modifier)},
    {"first", make(ordinal, 1)}, {"second", make(ordinal, 2)},     {"fourth", make(ordinal, 4)}, {"fifth", make(ordinal, 5)}, {"latest", make(ordinal)},

    // people
    {"insurgent", people(side::hostile)}, {"insurgents", people(side::hostile, pl)},
    {"militant", people(side::hostile)}, {"militants", people(side::hostile, pl)},
    {"fighter", people(side::hostile)}, {"fighters", people(side::hostile, pl)},
    {"attacker", people(side::hostile)}, {"attackers", people(side::hostile, pl)},
    {"gunman", people(side::hostile)}, {"gunmen", people(side::hostile, pl)},
    {"terrorist", people(side::hostile)}, {"terrorists", people(side::hostile, pl)},
    {"bomber", people(side::hostile)}, {"bombers", people(side::hostile, pl)},
    {"rebel", people(side::hostile)}, {"rebels", people(side::hostile, pl)},
    {"suspect", people(side::hostile)}, {"suspects", people(side::hostile, pl)},
    {"facilitator", people(side::hostile, role)}, {"facilitators", people(side::hostile, pl)},
    {"associate", people(side::hostile)}, {"associates", people(side::hostile, pl)},
    {"operative", people(side::hostile)}, {"operatives", people(side::hostile, pl)},
    {"emplacer", people(side::hostile, role)}, {"financier", people(side::hostile, role)},
    {"supplier", people(side::hostile, role)}, {"expert", people(side::none, role)}, {"experts", people(side::none, pl)},
    {"specialist", people(side::none, role)}, {"coordinator", people(side::none, role)},
    {"instructor", people(side::none, role)}, {"sentry", people(side::hostile)},
    {"leader", people(side::none, role)}, {"leaders", people(side::none, pl)},
    {"commander", people(side::none, role)}, {"commanders", people(side::none, pl)},
    {"sub-commander", people(side::hostile, role)}, {"subcommander", people(side::hostile, role)},
    {"sub-commanders", people(side::hostile, pl)}, {"chief", people(side::none, role)},
    {"governor", people(side::none, role)}, {"deputy", people(side::none, role)}, {"judge", people(side::civilian, role)},
    {"detainee", people(side::hostile)}, {"detainees", people(side::hostile, pl)},
    {"soldier", people(side::security)}, {"soldiers", people(side::security, pl)},
    {"troops", people(side::security, pl)}, {"trooper", people(side::security)}, {"troopers", people(side::security, pl)},
    {"serviceman", people(side::security)}, {"servicemen", people(side::security, pl)},
    {"personnel", people(side::security, pl)}, {"police", people(side::security, pl)},
    {"policeman", people(side::security)}, {"policemen", people(side::security, pl)},
    {"policewoman", people(side::security)}, {"officer", people(side::security)}, {"officers", people(side::security, pl)},
    {"commando", people(side::security)}, {"commandos", people(side::security, pl)},
    {"guard", people(side::security)}, {"guards", people(side::security, pl)},
    {"bodyguard", people(side::security)}, {"bodyguards", people(side::security, pl)},
    {"marine", people(side::coalition)}, {"marines", people(side::coalition, pl)},
    {"recruit", people(side::security)}, {"recruits", people(side::security, pl)},
    {"cadet", people(side::security)}, {"cadets", people(side::security, pl)},
    {"forces", people(side::security, pl)}, {"force", sideword(side::security)},
    {"civilian", people(side::civilian)}, {"civilians", people(side::civilian, pl)},
    {"child", people(side::civilian)}, {"children", people(side::civilian, pl)},
    {"boy", people(side::civilian)}, {"boys", people(side::civilian, pl)},
    {"girl", people(side::civilian)}, {"girls", people(side::civilian, pl)},
    {"woman", people(side::civilian)}, {"women", people(side::civilian, pl)},
    {"villager", people(side::civilian)}, {"villagers", people(side::civilian, pl)},
    {"resident", people(side::civilian)}, {"residents", people(side::civilian, pl)},
    {"passenger", people(side::civilian)}, {"passengers", people(side::civilian, pl)},
    {"student", people(side::civilian)}, {"students", people(side::civilian, pl)},
    {"worker", people(side::civilian)}, {"workers", people(side::civilian, pl)},
    {"employee", people(side::civilian)}, {"employees", people(side::civilian, pl)},
    {"teacher", people(side::civilian)}, {"teachers", people(side::civilian, pl)},
    {"journalist", people(side::civilian)}, {"journalists", people(side::civilian, pl)},
    {"worshipper", people(side::civilian)}, {"worshippers", people(side::civilian, pl)},
    {"farmer", people(side::civilian)}, {"farmers", people(side::civilian, pl)},
    {"pilgrim", people(side::civilian)}, {"pilgrims", people(side::civilian, pl)},
    {"elder", people(side::civilian)}, {"elders", people(side::civilian, pl)},
    {"relative", people(side::civilian)}, {"relatives", people(side::civilian, pl)},
    {"people", people(side::none, pl)}, {"persons", people(side::none, pl)}, {"person", people(side::none)},
    {"man", people(side::none)}, {"men", people(side::none, pl)}, {"male", people(side::none)},
    {"males", people(side::none, pl)}, {"female", people(side::none)}, {"females", people(side::none, pl)},
    {"individual", people(side::none)}, {"individuals", people(side::none, pl)},
    {"occupant", people(side::none)}, {"occupants", people(side::none, pl)},
    {"member", people(side::none)}, {"members", people(side::none, pl)},
    {"others", people(side::none, pl)}, {"official", people(side::none, source)},
    {"officials", people(side::none, pl | source)}, {"staff", people(side::none, pl)},
    {"hostage", people(side::civilian)}, {"hostages", people(side::civilian, pl)},
    {"prisoner", people(side::none)}, {"prisoners", people(side::none, pl)},
    {"family", people(side::civilian)}, {"families", people(side::civilian, pl)},
    {"brother", people(side::none)}, {"brothers", people(side::none, pl)}, {"son", people(side::none)},
    {"sons", people(side::none, pl)}, {"target", people(side::hostile, role)}, {"victims", people(side::civilian, pl)},
    {"victim", people(side::civilian)}, {"crew", people(side::none, pl)},

    // whose people
    {"afghan", sideword(side::security)}, {"afghans", people(side::civilian, pl)},
    {"security", sideword(side::security)}, {"government", sideword(side::security)},
    {"pro-government", sideword(side::security)}, {"army", sideword(side::security)},
    {"ana", sideword(side::security)}, {"anp", sideword(side::security)}, {"ansf", sideword(side::security)},
    {"alp", sideword(side::security)}, {"nds", sideword(side::security)}, {"intelligence", sideword(side::security)},
    {"military", sideword(side::security)}, {"border", sideword(side::security)},
    {"us", sideword(side::coalition)}, {"u.s.", sideword(side::coalition)}, {"american", sideword(side::coalition)},
    {"americans", people(side::coalition, pl)}, {"nato", sideword(side::coalition)}, {"isaf", sideword(side::coalition)},
    {"coalition", sideword(side::coalition)}, {"international", sideword(side::coalition)},
    {"foreign", sideword(side::coalition)}, {"spanish", sideword(side::coalition)}, {"british", sideword(side::coalition)},
    {"german", sideword(side::coalition)}, {"french", sideword(side::coalition)}, {"italian", sideword(side::coalition)},
    {"polish", sideword(side::coalition)}, {"canadian", sideword(side::coalition)}, {"australian", sideword(side::coalition)},
    {"taliban", entry{side_word | person | pl | source, 0, field::none, form::none, side::hostile, event_kind::none}},
    {"haqqani", sideword(side::hostile)}, {"insurgent-", sideword(side::hostile)}, {"armed", sideword(side::hostile)},
    {"suspected", sideword(side::hostile, descriptive)}, {"wanted", sideword(side::hostile, descriptive)}, {"enemy", sideword(side::hostile)},
    {"al-qaida", sideword(side::hostile)}, {"al-qaeda", sideword(side::hostile)}, {"imu", sideword(side::hostile)},
    {"hig", sideword(side::hostile)}, {"isis", sideword(side::isk)}, {"isil", sideword(side::isk)},
    {"daesh", sideword(side::isk)}, {"is-k", sideword(side::isk)}, {"iskp", sideword(side::isk)},
    {"civilian-", sideword(side::civilian)}, {"innocent", sideword(side::civilian)}, {"local", sideword(side::none)},

    // casualty predicates
    {"kill", pred(field::killed, form::base)}, {"kills", pred(field::killed, form::participle)},
    {"killed", pred(field::killed, form::participle)}, {"killing", pred(field::killed, form::gerund)},
    {"killings", pred(field::killed, form::noun)}, {"dead", pred(field::killed, form::adjective)},
    {"died", pred(field::killed, form::intransitive)}, {"die", pred(field::killed, form::base)},
    {"dies", pred(field::killed, form::intransitive)}, {"perished", pred(field::killed, form::intransitive)},
    {"death", pred(field::killed, form::noun)}, {"deaths", pred(field::killed, form::noun)},
    {"slain", pred(field::killed, form::participle)}, {"martyred", pred(field::killed, form::participle)},
    {"assassinated", pred(field::killed, form::participle)}, {"executed", pred(field::killed, form::participle)},
    {"beheaded", pred(field::killed, form::participle)}, {"lost", pred(field::killed, form::participle)},
    {"toll", make(cue)}, {"bodies", make(cue)}, {"lives", make(cue)},
    {"wound", pred(field::wounded, form::base)}, {"wounded", pred(field::wounded, form::participle)},
    {"wounding", pred(field::wounded, form::gerund)}, {"injure", pred(field::wounded, form::base)},
    {"injured", pred(field::wounded, form::participle)}, {"injuring", pred(field::wounded, form::gerund)},
    {"hurt", pred(field::wounded, form::participle)}, {"maimed", pred(field::wounded, form::participle)},
    {"missing", pred(field::missing, form::adjective)},
    {"capture", pred(field::captured, form::noun)}, {"captured", pred(field::captured, form::participle)},
    {"capturing", pred(field::captured, form::gerund)},
    {"detain", pred(field::captured, form::base)}, {"detained", pred(field::captured, form::participle)},
    {"detaining", pred(field::captured, form::gerund)}, {"detention", pred(field::captured, form::noun)},
    {"detainment", pred(field::captured, form::noun)},
    {"arrest", pred(field::captured, form::noun)}, {"arrested", pred(field::captured, form::participle)},
    {"arresting", pred(field::captured, form::gerund)}, {"apprehend", pred(field::captured, form::base)},
    {"apprehended", pred(field::captured, form::participle)}, {"apprehending", pred(field::captured, form::gerund)},
    {"abducted", pred(field::captured, form::participle)}, {"custody", make(cue)},

    // incidents
    {"attack", event(event_kind::attack)}, {"attacks", event(event_kind::attack, pl)},
    {"attacked", event(event_kind::attack, verb)}, {"attacking", event(event_kind::attack)},
    {"ambush", event(event_kind::ambush)}, {"ambushed", event(event_kind::ambush, verb)},
    {"clash", event(event_kind::clash)}, {"clashes", event(event_kind::clash, pl)},
    {"clashed", event(event_kind::clash, verb)}, {"fighting", event(event_kind::clash)},
    {"battle", event(event_kind::clash)}, {"battles", event(event_kind::clash, pl)},
    {"firefight", event(event_kind::clash)}, {"gunfight", event(event_kind::clash)},
    {"gunbattle", event(event_kind::clash)}, {"skirmish", event(event_kind::clash)},
    {"assault", event(event_kind::attack)}, {"assaulted", event(event_kind::attack, verb)},
    {"offensive", event(event_kind::attack)}, {"stormed", event(event_kind::attack, verb)},
    {"overran", event(event_kind::attack, verb)}, {"engaged", event(event_kind::clash, verb)},
    {"repulsed", event(event_kind::clash, verb)}, {"repelled", event(event_kind::clash, verb)},
    {"raid", event(event_kind::raid)}, {"raided", event(event_kind::raid, verb)},
    {"operation", event(event_kind::operation)}, {"patrol", event(event_kind::operation)},
    {"strike", event(event_kind::airstrike)}, {"strikes", event(event_kind::airstrike, pl)},
    {"airstrike", event(event_kind::airstrike)}, {"airstrikes", event(event_kind::airstrike, pl)},
    {"air-strike", event(event_kind::airstrike)}, {"bombardment", event(event_kind::airstrike)},
    {"bombing", event(event_kind::bombing)}, {"bombings", event(event_kind::bombing, pl)},
    {"bomb", event(event_kind::bombing)}, {"blast", event(event_kind::bombing)}, {"blasts", event(event_kind::bombing, pl)},
    {"explosion", event(event_kind::bombing)}, {"explosions", event(event_kind::bombing, pl)},
    {"exploded", event(event_kind::bombing, verb)}, {"detonated", event(event_kind::bombing, verb)},
    {"suicide", event(event_kind::suicide)},
    {"seized", event(event_kind::seizure, verb)}, {"seize", event(event_kind::seizure)},
    {"seizure", event(event_kind::seizure)}, {"fell", event(event_kind::seizure, verb)},
    {"overrun", event(event_kind::seizure)}, {"takeover", event(event_kind::seizure)},
    {"abandoned", event(event_kind::withdrawal, verb)}, {"withdrew", event(event_kind::withdrawal, verb)},
    {"withdrawn", event(event_kind::withdrawal)}, {"retreated", event(event_kind::withdrawal, verb)},
    {"evacuated", event(event_kind::withdrawal, verb)}, {"withdrawal", event(event_kind::withdrawal)},
    {"recaptured", event(event_kind::recapture, verb)}, {"retook", event(event_kind::recapture, verb)},
    {"retaken", event(event_kind::recapture)}, {"regained", event(event_kind::recapture, verb)},
    {"liberated", event(event_kind::recapture, verb)}, {"recapture", event(event_kind::recapture)},
    {"crash", event(event_kind::crash)}, {"crashed", event(event_kind::crash, verb)},
    {"shelling", event(event_kind::shelling)}, {"shelled", event(event_kind::shelling, verb)},

    // attribution
    {"said", make(speech | verb)}, {"says", make(speech | verb)}, {"say", make(speech)},
    {"told", make(speech | verb)}, {"tells", make(speech | verb)}, {"claimed", make(speech | verb)},
    {"claims", make(speech | verb)}, {"claiming", make(speech)}, {"added", make(speech | verb)},
    {"stated", make(speech | verb)}, {"according", make(speech)}, {"announced", make(speech | verb)},
    {"placed", make(speech | verb)}, {"put", make(speech)}, {"estimated", make(modifier | speech)},
    {"shows", make(speech | verb)}, {"show", make(speech)}, {"indicate", make(speech)}, {"indicates", make(speech | verb)},
    {"indicated", make(speech | verb)}, {"insisted", make(speech | verb)},
    {"reports", make(speech | source)}, {"report", make(source)}, {"noted", make(speech | verb)},
    {"spokesman", make(source)}, {"spokesperson", make(source)}, {"spokeswoman", make(source)},
    {"agency", make(source)}, {"news", make(source)}, {"sources", make(source)}, {"ministry", make(source)},
    {"minister", make(source)}, {"director", make(source)}, {"council", make(source)}, {"hospital", make(source)},
    {"politicians", make(source)}, {"lawmaker", make(source)}, {"lawmakers", make(source)}, {"statement", make(source)},

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
    {"executes", make(descriptive)}, {"orchestrated", make(descriptive)}, {"emplaces", make(descriptive)},
    {"acquires", make(descriptive)}, {"funds", make(descriptive)}, {"known", make(descriptive)},
    {"connected", make(descriptive)}, {"tied", make(descriptive)}, {"ties", make(descriptive)},
    {"accomplice", make(descriptive)}, {"intimidation", make(descriptive)},

    // what did not happen (yet)
    {"attempt", make(intent)}, {"attempted", make(intent)}, {"attempting", make(intent)},
    {"plan", make(intent)}, {"search", make(intent)}, {"searching", make(intent)}, {"pursuit", make(intent)},
    {"seeking", make(intent)}, {"threatened", make(intent)}, {"threat", make(intent)}, {"threats", make(intent)},
    {"intended", make(intent)}, {"aimed", make(intent)}, {"try", make(intent)}, {"trying", make(intent)},
    {"tried", make(intent)}, {"would-be", make(intent)}, {"prevent", make(intent)},

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
    {"mullah", make(title_word)}, {"mawlawi", make(title_word)}, {"maulvi", make(title_word)},
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

struct index {
    static constexpr std::size_t capacity = 4096; // power of two, well above twice the rows
    struct slot {
        const row* r = nullptr;
        std::uint32_t hash = 0;
    };
    std::array<slot, capacity> slots{};

    static std::uint32_t hash(std::string_view s) {
        std::uint32_t h = 2166136261u;
        for (unsigned char c : s) h = (h ^ c) * 16777619u;
        return h;
    }

    index() {
        for (const auto& r : table) {
            std::uint32_t h = hash(r.word);
            std::size_t i = h & (capacity - 1);
            while (slots[i].r && slots[i].r->word != r.word) i = (i + 1) & (capacity - 1);
            if (!slots[i].r) slots[i] = {&r, h};
            if (!r.word.empty() && r.word.size() <= 8) add_short(r);
        }
    }

    // Words of up to eight bytes, most of what is looked up, packed into one integer: one multiply
    // to hash and one compare per probe, no memcmp. The length is kept beside the packed bytes, so
    // a word with a NUL byte cannot pass for a shorter one. An empty slot has no entry.
    static constexpr std::size_t short_capacity = 2048;
    struct short_slot {
        std::uint64_t packed = 0;
        const entry* e = nullptr;
        std::size_t length = 0;
    };
    std::array<short_slot, short_capacity> short_slots{};

    static std::size_t short_hash(std::uint64_t packed) {
        return static_cast<std::size_t>((packed * 0x9E3779B97F4A7C15ull) >> 53); // 11 bits: short_capacity
    }

    void add_short(const row& r) {
        std::uint64_t packed = 0;
        for (std::size_t k = 0; k < r.word.size(); ++k)
            packed |= std::uint64_t{static_cast<unsigned char>(r.word[k])} << (8 * k);
        std::size_t i = short_hash(packed);
        while (short_slots[i].e && !(short_slots[i].packed == packed && short_slots[i].length == r.word.size()))
            i = (i + 1) & (short_capacity - 1);
        if (!short_slots[i].e) short_slots[i] = {packed, &r.e, r.word.size()}; // a word listed twice keeps its first row
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

// ASCII upper case -> lower case, every other byte unchanged: one load per byte in lookup's loop.
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
        const entry* e = the_index().find_short(packed, word.size());
        return e ? *e : unknown;
    }
    // lower-case and hash in one pass
    char buf[longest];
    std::uint32_t h = 2166136261u;
    for (std::size_t i = 0; i < word.size(); ++i) {
        char c = ascii_lower[static_cast<unsigned char>(word[i])];
        buf[i] = c;
        h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    }
    const entry* e = the_index().find(std::string_view(buf, word.size()), h);
    return e ? *e : unknown;
}

} // namespace naqsha::extract::lex
