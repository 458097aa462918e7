# Runs `naqsha ARGS` and checks its exit code and that its output matches a regular expression.
#   -DNAQSHA=... -DARGS="a;b;c" -DEXPECT_CODE=3 -DEXPECT_OUTPUT=regex
execute_process(COMMAND ${NAQSHA} ${ARGS} OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL EXPECT_CODE)
  message(FATAL_ERROR "naqsha ${ARGS}: exit code ${rc}, expected ${EXPECT_CODE}\nstdout: ${out}\nstderr: ${err}")
endif()
if(NOT "${out}${err}" MATCHES "${EXPECT_OUTPUT}")
  message(FATAL_ERROR "naqsha ${ARGS}: output does not match `${EXPECT_OUTPUT}`\nstdout: ${out}\nstderr: ${err}")
endif()
