# rbacq_warnings: linked PRIVATE by every target of ours, never set globally.
add_library(rbacq_warnings INTERFACE)
target_compile_options(rbacq_warnings INTERFACE
  -Wall -Wextra -Wpedantic
  -Wshadow               # a shadowed name in a loader is a silent bug
  -Wconversion -Wsign-conversion  # line/column/offset arithmetic mixes sizes
  -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual  # -Wnull-dereference: false positives in libstdc++ 12 at -O2 (CLI11 split)
  -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough
  $<$<BOOL:${RBACQ_WERROR}>:-Werror>)
