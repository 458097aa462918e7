# Turns WordNet's morphological exception lists (Debian's wordnet-base: verb.exc and noun.exc, one
# "inflected-form lemma" pair per line) into a C++ table, so that extract/morphology.cpp knows
# irregular and spelling-changed inflections ("took", "overran", "kidnapped", "men") without reading
# files at run time.
#   cmake -DVERB_EXC=... -DNOUN_EXC=... -DOUTPUT=... -P wordnet_exceptions.cmake
foreach(var VERB_EXC NOUN_EXC OUTPUT)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "wordnet_exceptions.cmake: ${var} is not set")
  endif()
endforeach()

set(body "// Generated from WordNet's exception lists by cmake/wordnet_exceptions.cmake; do not edit.\n")
foreach(kind verb noun)
  string(TOUPPER "${kind}" upper)
  file(STRINGS "${${upper}_EXC}" lines)
  string(APPEND body "inline constexpr wordnet_exception ${kind}_exceptions[] = {\n")
  foreach(line IN LISTS lines)
    # multi-word entries use underscores; only single words inflect a token
    if(line MATCHES "^([a-z'-]+) ([a-z'-]+)$")
      string(APPEND body "    {\"${CMAKE_MATCH_1}\", \"${CMAKE_MATCH_2}\"},\n")
    endif()
  endforeach()
  string(APPEND body "};\n")
endforeach()
file(WRITE "${OUTPUT}.new" "${body}")
file(COPY_FILE "${OUTPUT}.new" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.new")
