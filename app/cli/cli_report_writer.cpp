// SPDX-License-Identifier: GPL-3.0-or-later
// flowscope-cli export --what report: the case's PDF incident report, written
// whole or not at all (QSaveFile), as the CSV kinds are.

#include "cli_report_writer.h"

#include "cli_case_filter.h"
#include "cli_commands.h"

#include "query/filter_error.h"
#include "report/case_report.h"
#include "selection/case_filter.h"
#include "store/case_db.h"

#include <QFileInfo>
#include <QSaveFile>

#include <iostream>

namespace flowscope::cli {

namespace {

int fail(const std::string &problem)
{
    std::cerr << "flowscope-cli export: " << problem << '\n';
    return ExitFatal;
}

} // namespace

int writeReport(const Arguments &arguments)
{
    if (arguments.value("format").value_or("pdf") != "pdf")
        return fail("--format for the report is pdf, not '" + *arguments.value("format") + "'");
    if (arguments.value("by") || arguments.flag("group") || arguments.flag("raw"))
        return fail("--by, --group and --raw do not apply to the report");
    const std::string out = arguments.value("out").value_or("-");
    if (out == "-")
        return fail("the report needs --out FILE: a PDF is not written to standard output");

    report::ReportOptions options;
    const std::string page = arguments.value("page").value_or("a4");
    if (page == "a4")
        options.pageSize = QPageSize::A4;
    else if (page == "letter")
        options.pageSize = QPageSize::Letter;
    else
        return fail("--page is a4 or letter, not '" + page + "'");
    std::vector<report::ReportPart> parts;
    if (const auto names = arguments.value("sections")) {
        for (const QString &name : QString::fromStdString(*names).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const auto part = report::reportPartFromName(name.trimmed());
            if (!part)
                return fail("--sections: '" + name.toStdString() + "' is not one of "
                            + report::reportPartNames().toStdString());
            parts.push_back(*part);
        }
    } else {
        parts = report::allReportParts();
    }
    options.analyst = QString::fromStdString(arguments.value("analyst").value_or(""));
    options.title = QString::fromStdString(arguments.value("title").value_or(""));
    options.freeText = QString::fromStdString(arguments.value("text").value_or(""));
    const std::string casePath = arguments.positional()[0];
    options.caseName = QFileInfo(QString::fromStdString(casePath)).fileName();
    const std::string expression = arguments.positional().size() == 2 ? arguments.positional()[1] : std::string();

    try {
        auto caseDb = CaseDb::open(casePath, CaseDb::Mode::ReadOnly);
        CliCaseFilter caseFilter;
        const auto compiled = caseFilter.compile(*caseDb, expression, "export");
        if (const auto *invalid = std::get_if<FilterError>(&compiled))
            return fail(renderFilterError(expression, *invalid));
        const auto &filter = std::get<std::shared_ptr<const CaseFilter>>(compiled);
        const report::ReportSections sections = report::caseReportSections(*caseDb, *filter, parts);

        QSaveFile file(QString::fromStdString(out));
        if (!file.open(QIODevice::WriteOnly))
            return fail(out + ": " + file.errorString().toStdString());
        if (!report::writePdfReport(file, options, sections))
            return fail(out + ": the PDF could not be written");
        if (!file.commit())
            return fail(out + ": " + file.errorString().toStdString());
    } catch (const std::exception &exception) {
        return fail(exception.what());
    }
    std::cerr << "flowscope-cli export: report written to " << out << '\n';
    return ExitOk;
}

} // namespace flowscope::cli
