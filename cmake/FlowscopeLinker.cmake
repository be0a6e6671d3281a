# SPDX-License-Identifier: GPL-3.0-or-later
# Links with LLVM's lld when the compiler can use it: the test suite is some
# 140 executables over the static core with its debug information, and lld
# links each several times faster than GNU ld. FLOWSCOPE_LINKER=default keeps
# the toolchain's own linker.
include(CheckLinkerFlag)

set(FLOWSCOPE_LINKER lld CACHE STRING "Linker for every Flowscope executable: lld (when available) or default")
set_property(CACHE FLOWSCOPE_LINKER PROPERTY STRINGS lld default)

if(FLOWSCOPE_LINKER STREQUAL "lld")
  check_linker_flag(CXX "-fuse-ld=lld" FLOWSCOPE_HAVE_LLD)
  if(FLOWSCOPE_HAVE_LLD)
    add_link_options(-fuse-ld=lld)
  else()
    message(STATUS "lld not found: linking with the default linker (Debian: apt-get install lld)")
  endif()
endif()
