#pragma once
// Whether a sentence places what it reports outside Afghanistan: "in North Waziristan", "in
// Quetta, Pakistan", "near Wuerzburg in Germany", "a Pakistani military post". Such violence is
// never an Afghan event (news codebook), whatever Afghan name it shares ("the Khost tribal area").
// Only the place where something happens counts: "near Pakistan's border with Afghanistan" or
// "fled to Pakistan" do not move an Afghan incident abroad.
#include "extract/text.hpp"
#include "gazetteer/gazetteer.hpp"

namespace naqsha::extract {

// A foreign place in the sentence in the position of where something happened.
bool names_place_abroad(const document& doc, const sentence& s, const gazetteer::gazetteer& gaz);

// Whether the Afghan name at tokens [first, end) begins a longer foreign one: "Landi" of "Landi
// Kotal", a town of Pakistan's Khyber district, is no Afghan village of that name.
bool begins_foreign_name(const document& doc, std::size_t first, std::size_t end, std::size_t sentence_last,
                         const gazetteer::gazetteer& gaz);

} // namespace naqsha::extract
