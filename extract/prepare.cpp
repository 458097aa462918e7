#include "extract/prepare.hpp"

#include "extract/lexicon.hpp"

namespace naqsha::extract {

void prepare_extraction(const gazetteer::gazetteer& gaz) {
    // Any look-up builds its index; the answers do not matter.
    (void)gaz.find_province("Kabul");
    (void)lex::lookup("the");
    (void)lex::lookup_person("headmaster");
}

} // namespace naqsha::extract
