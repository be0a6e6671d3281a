# Warnings and Qt strictness shared by every Flowscope target (use flowscope_strict(<target>)).
add_library(flowscope_options INTERFACE)
add_library(Flowscope::Options ALIAS flowscope_options)
target_compile_options(flowscope_options INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual
  -Wimplicit-fallthrough $<$<BOOL:${FLOWSCOPE_WERROR}>:-Werror>)
target_compile_definitions(flowscope_options INTERFACE
  QT_NO_CAST_TO_ASCII
  QT_NO_URL_CAST_FROM_STRING
  QT_NO_CONTEXTLESS_CONNECT
  QT_NO_KEYWORDS
  QT_DISABLE_DEPRECATED_BEFORE=0x060400
  FLOWSCOPE_VERSION="${PROJECT_VERSION}")
