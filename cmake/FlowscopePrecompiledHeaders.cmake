# SPDX-License-Identifier: GPL-3.0-or-later
# Precompiled headers: nearly every source parses the same standard and Qt
# headers (QtTest and QtWidgets alone take seconds per file), which dominated
# the build on two cores. A header set is precompiled once per set of flags
# and reused by every target compiled with the same flags: GCC ignores a
# precompiled header when a macro it tests is defined differently, so the sets
# follow the Qt modules a target sees (QT_GUI_LIB and QT_WIDGETS_LIB change
# QtTest). -DFLOWSCOPE_PCH=OFF builds without them.
option(FLOWSCOPE_PCH "Precompiled headers for the core, the views and the tests" ON)

# Headers most sources include; a header in a set is parsed by every source
# of the targets using it, so rarely used ones stay out.
set(FLOWSCOPE_PCH_CORE_HEADERS
  <algorithm> <array> <atomic> <cstdint> <cstring> <functional> <map> <memory> <mutex> <optional> <set>
  <stdexcept> <string> <string_view> <tuple> <unordered_map> <utility> <vector>
  <QtCore/QByteArray> <QtCore/QCoreApplication> <QtCore/QDateTime> <QtCore/QFileInfo> <QtCore/QHash>
  <QtCore/QList> <QtCore/QLocale> <QtCore/QObject> <QtCore/QString> <QtCore/QStringList>)
set(FLOWSCOPE_PCH_TEST_HEADERS
  <QtCore/QDir> <QtCore/QFile> <QtCore/QJsonArray> <QtCore/QJsonDocument> <QtCore/QJsonObject>
  <QtCore/QTemporaryDir> <QtTest/QAbstractItemModelTester> <QtTest/QSignalSpy> <QtTest/QTest>)
set(FLOWSCOPE_PCH_WIDGETS_HEADERS
  <QtCore/QSettings> <QtCore/QTimer> <QtGui/QAction> <QtWidgets/QApplication> <QtWidgets/QDialog>
  <QtWidgets/QDialogButtonBox> <QtWidgets/QFileDialog> <QtWidgets/QHBoxLayout> <QtWidgets/QHeaderView>
  <QtWidgets/QLabel> <QtWidgets/QLineEdit> <QtWidgets/QMenu> <QtWidgets/QMessageBox>
  <QtWidgets/QPushButton> <QtWidgets/QTableView> <QtWidgets/QVBoxLayout> <QtWidgets/QWidget>)

# GCC 12 warns about std::string's memcpy (-Warray-bounds, -Wstringop-*)
# when it reads <string> from a precompiled header, where it no longer treats
# it as a system header; without precompiled headers the same code is silent.
function(flowscope_pch_warnings target)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(${target} PRIVATE -Wno-array-bounds -Wno-stringop-overflow -Wno-stringop-overread)
  endif()
endfunction()

# flowscope_precompile_headers(<target> <header>...): <target> gets a
# precompiled header of its own.
function(flowscope_precompile_headers target)
  if(FLOWSCOPE_PCH)
    target_precompile_headers(${target} PRIVATE ${ARGN})
    flowscope_pch_warnings(${target})
  endif()
endfunction()

# flowscope_reuse_precompiled_headers(<target> <from>): <target>, compiled
# with the flags of <from>, uses the header <from> precompiled.
function(flowscope_reuse_precompiled_headers target from)
  if(FLOWSCOPE_PCH)
    target_precompile_headers(${target} REUSE_FROM ${from})
    flowscope_pch_warnings(${target})
  endif()
endfunction()

# flowscope_pch_host(<name> HEADERS <header>... LIBS <lib>...): a target that
# only precompiles <header>... with the usage requirements of <lib>..., for
# executables (the tests) that have no library of their own to reuse it from.
function(flowscope_pch_host name)
  cmake_parse_arguments(ARG "" "" "HEADERS;LIBS" ${ARGN})
  if(NOT FLOWSCOPE_PCH)
    return()
  endif()
  file(CONFIGURE OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/${name}.cpp
       CONTENT "// Only compiles the precompiled header of ${name}.\n")
  add_library(${name} OBJECT ${CMAKE_CURRENT_BINARY_DIR}/${name}.cpp)
  target_link_libraries(${name} PRIVATE ${ARG_LIBS})
  target_precompile_headers(${name} PRIVATE ${ARG_HEADERS})
  flowscope_pch_warnings(${name})
endfunction()
