// SPDX-License-Identifier: GPL-3.0-or-later
// flowscope-cli: the scripting face of Flowscope, over the same core as the GUI.

#include "cli_commands.h"

#include "incident/ioc_hit_detector.h"
#include "known_case_schema.h"

#include <QCoreApplication>

#include <iostream>
#include <map>

namespace {

void printUsage(std::ostream &out)
{
    out << "Usage: flowscope-cli COMMAND [ARGS]\n\n"
           "Commands:\n"
           "  import CASE PATH... [--log-format FORMAT] [--keep-duplicates] [--json]\n"
           "                      import flow-log files or folders into CASE (created if needed)\n"
           "                      and CloudTrail log files ({\"Records\":[...]}, .json or .json.gz)\n"
           "  info CASE [--json]  summary: records, time range, files, formats, ENIs, accounts, regions, errors\n"
           "  query CASE [FILTER] [--limit N] [--columns a,b,...] [--sort FIELD[:desc]]\n"
           "        [--format json|csv|table]\n"
           "                      records in time order (or by FIELD, ties in time order), with AWS\n"
           "                      field names plus _file and _line (the table format shows the first\n"
           "                      1000 unless --limit is given)\n"
           "  stats CASE conversations|endpoints [FILTER] [--top N] [--order COLUMN[:asc|:desc]]\n"
           "        [--by addresses|service | address|eni] [--format json|csv|table]\n"
           "                      top conversations (address pairs, or with protocol and service port)\n"
           "                      or endpoints (addresses or ENIs): flows, packets, bytes, accepts, rejects,\n"
           "                      first and last seen, ordered by any of them (COLUMN: flows, packets,\n"
           "                      bytes, accepts, rejects, first-seen, last-seen; counts largest first and\n"
           "                      times earliest first unless :asc or :desc says otherwise)\n"
           "  count CASE [FILTER] the number of records the filter matches (all without one)\n"
           "  timeline CASE [FILTER] [--bucket SECONDS] [--metric flows|bytes|packets] [--no-spread]\n"
           "           [--format json|csv]\n"
           "                      ACCEPT and REJECT per time bucket (bytes and packets spread over the\n"
           "                      buckets a record spans unless --no-spread), with the ENIs reporting\n"
           "                      NODATA or SKIPDATA in each bucket (named in JSON, counted in CSV)\n"
           "  explain CASE [FILTER] [--group] [--unanswered] [--format json|table]\n"
           "          [--snapshot PATH [--as-of ISO-TIME]]\n"
           "                      why each REJECT the filter keeps (default: action == reject) was\n"
           "                      rejected: security group, network ACL, both, either (records alone),\n"
           "                      Block Public Access, inconclusive or not explained, with the rule, the\n"
           "                      records that show it, caveats and a fix; --group counts them by\n"
           "                      verdict, component, rule, ENI and port; --unanswered lists egress\n"
           "                      requests ACCEPTed that no record answers\n"
           "  filter check EXPR   a filter's normalized form and index preselection (SQL and bound\n"
           "                      parameters), or the error with a caret under it (exit 1)\n"
           "  filter athena EXPR --database D --table T [--limit N]\n"
           "                      the filter as Athena SQL over the AWS flow-log table (exit 1 on a\n"
           "                      bad filter or a query over Athena's 262,144-byte limit)\n"
           "  config CASE PATH... [--as-of ISO-TIME] [--label TEXT] [--format json|table]\n"
           "                      load describe-* JSON files or folders (.json, .json.gz) into CASE as one\n"
           "                      configuration snapshot taken at --as-of (default: the newest file time);\n"
           "                      refused whole (exit 1, case unchanged) when a file is bad\n"
           "  config CASE [--format json|table]\n"
           "                      the configuration snapshots CASE holds\n"
           "  config CASE --remove ID [--format json|table]\n"
           "                      remove snapshot ID and its files from CASE (one transaction)\n"
           "  graph CASE [FILTER] --level eni|subnet|vpc|account [--top N] [--metric bytes|flows]\n"
           "        --format json|dot\n"
           "                      who talked to whom: the case's interfaces (or subnets, VPCs, accounts)\n"
           "                      and outside peers per /24, /48 or AWS service, with flows, bytes,\n"
           "                      packets, accepts and rejects and each one's filter; the top N nodes\n"
           "                      (default 150) by --metric, the rest folded into \"+N more\"\n"
           "  export CASE --what flows|conversations|endpoints|explanations [FILTER]\n"
           "         [--by addresses|service | address|eni] [--group] [--format csv] [--out FILE|-] [--raw]\n"
           "                      every record the filter keeps (in time order), every conversation or\n"
           "                      endpoint, or the reject explanations (per record, or --group'ed as\n"
           "                      explain --group does) as CSV with AWS field names, times as epoch\n"
           "                      seconds and ISO 8601 UTC; to FILE (written whole or not at all) or\n"
           "                      stdout; cells a spreadsheet would run as formulas get a leading '\n"
           "                      unless --raw\n"
           "  export CASE --what findings|incident [--format csv] [--out FILE|-] [--raw]\n"
           "                      the findings the detectors stored (with their evidence filters) or the\n"
           "                      incident timeline (stars, tags, notes with author and time) as CSV\n"
           "  detect CASE [FILTER] [--only TYPE,...] [--set DETECTOR.NAME=VALUE]... [--format json|table]\n"
           "                      run the detectors (port-scan, syn-only, beaconing, exfiltration,\n"
           "                      lateral-movement, visibility-gap, ioc-hit) over the filter's records, print\n"
           "                      their findings with evidence filters and store them in the case\n"
           "                      (replacing those of an earlier run of the same detectors)\n"
           "  ioc CASE add NAME FILE... [--format json|table]\n"
           "                      add the indicators of text files (an address, CIDR block or\n"
           "                      address:port a line, # comments) or CSV files (an indicator column,\n"
           "                      optional label, source, first_seen) to the IOC list NAME, which\n"
           "                      filters name as @NAME; bad lines are reported (exit 1), good ones kept\n"
           "  ioc CASE list [--format json|table]\n"
           "  ioc CASE remove NAME\n"
           "                      the case's IOC lists; remove one\n"
           "  ioc CASE hunt [NAME...] [--format json|table]\n"
           "                      every record matched against the lists (all without NAME): hits per\n"
           "                      indicator with records, accepted, rejected, first and last seen, ENIs\n"
           "  incident CASE list [--format json|table] | star ID... | unstar ID... | tag ID TAG...\n"
           "        | note [--record ID] [--author NAME] TEXT\n"
           "                      the incident timeline (starred and tagged records, notes) in time\n"
           "                      order, and its stars, tags and notes; IDs as `query` shows them\n"
           "  export CASE --what report [FILTER] --format pdf --out FILE [--analyst NAME] [--title TEXT]\n"
           "         [--text TEXT] [--page a4|letter]\n"
           "         [--sections summary,timeline,graph,findings,rejects,incident,sources]\n"
           "                      the PDF incident report: title page, contents, summary, timeline,\n"
           "                      interfaces graph, findings, reject explanations, incident timeline\n"
           "                      and source files appendix\n"
           "  trail CASE [--eni ENI | --instance ID | --sg ID] [--format json|table]\n"
           "                      the CloudTrail events imported into CASE that touch the interface,\n"
           "                      its instance or their security groups (all events without one), with\n"
           "                      who launched the instance from which address\n"
           "  remove CASE FILE-ID|SHA256 [--json]\n"
           "                      take an imported file back out of CASE: its records, their stars,\n"
           "                      tags and notes, and everything derived from them, as if it had never\n"
           "                      been imported (stored findings are dropped: run detect again); refused\n"
           "                      (exit 1, case unchanged) when the id or SHA-256 is unknown or the file\n"
           "                      shares duplicate records with other files\n"
           "  remove CASE --list [--json]\n"
           "                      the imported files with id, SHA-256, records and path\n"
           "  demo OUTDIR [--case CASE]\n"
           "                      write the bundled demo input (and import it into CASE)\n"
           "  --version           print the version\n\n"
           "Exit status: 0 success, 1 some input rejected (good data kept), 2 usage or fatal error.\n";
}

} // namespace

int main(int argc, char **argv)
{
    // QtCore only: the PDF report, which needs QtGui, runs in flowscope-cli-report (cli_export_report.h).
    const QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("flowscope-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FLOWSCOPE_VERSION));

    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        printUsage(args.empty() ? std::cerr : std::cout);
        return args.empty() ? flowscope::cli::ExitFatal : flowscope::cli::ExitOk;
    }
    if (args[0] == "--version" || args[0] == "version") {
        std::cout << "flowscope-cli " << FLOWSCOPE_VERSION << '\n';
        return flowscope::cli::ExitOk;
    }
    flowscope::incident::registerIocHitDetector();
    flowscope::installKnownCaseSchema(); // no migrations replayed to check the case opened
    const std::map<std::string, int (*)(const std::vector<std::string> &)> commands{
        {"import", &flowscope::cli::runImport},
        {"info", &flowscope::cli::runInfo},
        {"query", &flowscope::cli::runQuery},
        {"demo", &flowscope::cli::runDemo},
        {"stats", &flowscope::cli::runStats},
        {"filter", &flowscope::cli::runFilter},
        {"count", &flowscope::cli::runCount},
        {"timeline", &flowscope::cli::runTimeline},
        {"explain", &flowscope::cli::runExplain},
        {"config", &flowscope::cli::runConfig},
        {"graph", &flowscope::cli::runGraph},
        {"export", &flowscope::cli::runExport},
        {"detect", &flowscope::cli::runDetect},
        {"ioc", &flowscope::cli::runIoc},
        {"incident", &flowscope::cli::runIncident},
        {"trail", &flowscope::cli::runTrail},
        {"remove", &flowscope::cli::runRemove},
    };
    const auto command = commands.find(args[0]);
    if (command == commands.end()) {
        std::cerr << "flowscope-cli: unknown command '" << args[0] << "'\n\n";
        printUsage(std::cerr);
        return flowscope::cli::ExitFatal;
    }
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    return command->second(rest);
}
