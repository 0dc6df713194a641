# Every dependency is a Debian 12 package found in CONFIG mode (RE2 ships only a pkg-config file).
find_package(yaml-cpp 0.7 CONFIG REQUIRED)
find_package(pegtl 3.2 CONFIG REQUIRED)
find_package(Boost 1.74 CONFIG REQUIRED COMPONENTS graph)
find_package(fmt 9 CONFIG REQUIRED)
find_package(simdjson 3 CONFIG REQUIRED)
find_package(CLI11 CONFIG REQUIRED)
find_package(OpenSSL 3 REQUIRED)
find_package(tl-expected CONFIG REQUIRED)
if(RBACQ_BUILD_TESTS)
  find_package(doctest CONFIG REQUIRED)
endif()

find_package(PkgConfig REQUIRED)
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)
if(NOT TARGET re2::re2)
  add_library(re2::re2 ALIAS PkgConfig::RE2)
endif()

# yaml-cpp 0.7 exports `yaml-cpp` without a namespace; 0.8 adds `yaml-cpp::`. Our code links the latter.
if(NOT TARGET yaml-cpp::yaml-cpp)
  add_library(yaml-cpp::yaml-cpp ALIAS yaml-cpp)
endif()
