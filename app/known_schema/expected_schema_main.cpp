// SPDX-License-Identifier: GPL-3.0-or-later
// flowscope-expected-schema OUT.cpp: writes the source that builds the
// schema a case of the current version holds into a program
// (known_case_schema.h).

#include "store/schema_check.h"

#include <fstream>
#include <iostream>
#include <string>

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::cerr << "usage: flowscope-expected-schema OUT.cpp\n";
        return 2;
    }
    const std::string text = flowscope::expectedSchemaText();
    const std::string delimiter = "flowscopeschema";
    if (text.find(")" + delimiter + "\"") != std::string::npos) {
        std::cerr << "flowscope-expected-schema: the schema holds the literal's delimiter\n";
        return 1;
    }
    std::ofstream out(argv[1], std::ios::binary | std::ios::trunc);
    out << "// Written by flowscope-expected-schema at build time.\n"
           "#include \"known_case_schema.h\"\n\n"
           "#include \"store/schema_check.h\"\n\n"
           "namespace flowscope {\n\n"
           "const char *knownCaseSchemaText()\n{\n"
           "    return R\""
        << delimiter << "(" << text << ")" << delimiter << "\";\n}\n\n"
           "void installKnownCaseSchema() { useBuiltInExpectedSchema(knownCaseSchemaText()); }\n\n"
           "} // namespace flowscope\n";
    out.close();
    if (!out) {
        std::cerr << "flowscope-expected-schema: cannot write " << argv[1] << '\n';
        return 1;
    }
    return 0;
}
