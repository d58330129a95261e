# Included by tests/CMakeLists.txt in the main (g++) build: ctest there runs what ./test built
# in the fuzz build (DOCKNET_FUZZ_BUILD_DIR, the "fuzz" preset):
#   "sanitized: test_<dir>"  the sim's Catch2 tests under clang's ASan + UBSan,
#   "fuzz: <name>"           each fuzz target for a few seconds from its seeds, replaying every
#                            regression input first (tests/fuzz/run_fuzzer.sh).
set(docknet_fuzz_bin ${DOCKNET_FUZZ_BUILD_DIR}/bin)
set(docknet_sanitizer_env
  "ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:strict_string_checks=1"
  "UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1")

foreach(dir IN ITEMS core wire net flows docker cli tools)
  add_test(NAME "sanitized: test_${dir}"
           COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/run_sanitized.sh ${docknet_fuzz_bin}/test_${dir})
  set_tests_properties("sanitized: test_${dir}" PROPERTIES ENVIRONMENT "${docknet_sanitizer_env}" LABELS sanitized)
endforeach()
# test_cli under the sanitizers is the longest test of all (~3 minutes on one core): a high cost
# makes ctest -j start it first, so it overlaps the rest instead of running last, alone.
set_tests_properties("sanitized: test_cli" PROPERTIES COST 1000)

# Seconds per fuzz target in ./test; DOCKNET_FUZZ_SECONDS=300 ./test -L fuzz fuzzes longer.
set(DOCKNET_FUZZ_SECONDS 10 CACHE STRING "How long ./test runs each fuzz target")
file(GLOB docknet_fuzz_sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/*_fuzz.cpp)
foreach(source IN LISTS docknet_fuzz_sources)
  get_filename_component(stem ${source} NAME_WE)
  string(REGEX REPLACE "_fuzz$" "" name ${stem})
  add_test(NAME "fuzz: ${name}"
           COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/run_fuzzer.sh ${docknet_fuzz_bin}/fuzz_${name}
                   ${CMAKE_CURRENT_SOURCE_DIR}/fuzz ${name} ${DOCKNET_FUZZ_BUILD_DIR}/fuzz-runs ${DOCKNET_FUZZ_SECONDS})
  set_tests_properties("fuzz: ${name}" PROPERTIES ENVIRONMENT "${docknet_sanitizer_env}" LABELS fuzz)
endforeach()
