// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_arguments.h"
#include "cli_commands.h"
#include "cli_output.h"

#include "cloudtrail/cloudtrail_trail.h"
#include "store/case_db.h"

#include <QDateTime>

#include <iostream>

namespace flowscope::cli {

namespace {

constexpr const char *kUsage = "Usage: flowscope-cli trail CASE [--eni ENI | --instance ID | --sg ID] [--format json|table]\n";

int usage(const std::string &message)
{
    std::cerr << "flowscope-cli trail: " << message << '\n' << kUsage;
    return ExitFatal;
}

std::string isoTime(std::int64_t seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate).toStdString();
}

std::string jsonList(const std::vector<std::string> &items)
{
    std::string out = "[";
    for (const std::string &item : items)
        out += (out.size() > 1 ? "," : "") + jsonString(item);
    return out + ']';
}

std::string spaced(const std::vector<std::string> &items)
{
    std::string out;
    for (const std::string &item : items)
        out += (out.empty() ? "" : " ") + item;
    return out.empty() ? "-" : out;
}

void printJson(const cloudtrail::Trail &trail, const cloudtrail::TrailQuery &query)
{
    static constexpr const char *kKinds[] = {"all", "eni", "instance", "sg"};
    std::cout << "{\"query\":{\"kind\":\"" << kKinds[static_cast<int>(query.kind)] << "\",\"id\":"
              << (query.id.empty() ? std::string("null") : jsonString(query.id)) << "},\"instances\":"
              << jsonList(trail.instances) << ",\"interfaces\":" << jsonList(trail.interfaces)
              << ",\"security_groups\":" << jsonList(trail.securityGroups) << ",\"launches\":[";
    for (std::size_t i = 0; i < trail.launches.size(); ++i) {
        const cloudtrail::InstanceLaunch &l = trail.launches[i];
        std::cout << (i ? "," : "") << "{\"instance\":" << jsonString(l.instance)
                  << ",\"interfaces\":" << jsonList(l.interfaces) << ",\"time\":" << jsonString(isoTime(l.time))
                  << ",\"principal\":" << jsonString(l.principal) << ",\"source_ip\":" << jsonString(l.sourceIp)
                  << ",\"user_agent\":" << jsonString(l.userAgent) << ",\"event_id\":" << jsonString(l.eventId) << '}';
    }
    std::cout << "],\"events\":[";
    for (std::size_t i = 0; i < trail.events.size(); ++i) {
        const CloudTrailEventRow &r = trail.events[i].row;
        // request and response are JSON as the store keeps it, written as they are.
        std::cout << (i ? ",\n " : "\n ") << "{\"id\":" << r.id << ",\"event_id\":" << jsonString(r.eventId)
                  << ",\"time\":" << jsonString(isoTime(r.time)) << ",\"event_name\":" << jsonString(r.eventName)
                  << ",\"principal\":" << jsonString(r.principal) << ",\"source_ip\":" << jsonString(r.sourceIp)
                  << ",\"user_agent\":" << jsonString(r.userAgent) << ",\"account\":" << jsonString(r.account)
                  << ",\"region\":" << jsonString(r.region) << ",\"error_code\":"
                  << (r.errorCode.empty() ? std::string("null") : jsonString(r.errorCode))
                  << ",\"resources\":" << jsonList(r.resources)
                  << ",\"case_interfaces\":" << jsonList(trail.events[i].caseInterfaces)
                  << ",\"file\":" << jsonString(r.file) << ",\"item\":" << r.item << ",\"request\":" << r.request
                  << ",\"response\":" << r.response << '}';
    }
    std::cout << (trail.events.empty() ? "]}\n" : "\n]}\n");
}

void printTable(const cloudtrail::Trail &trail)
{
    for (const cloudtrail::InstanceLaunch &l : trail.launches)
        std::cout << l.instance << " (" << spaced(l.interfaces) << ") launched " << isoTime(l.time) << " by "
                  << l.principal << " from " << (l.sourceIp.empty() ? "-" : l.sourceIp) << '\n';
    if (!trail.launches.empty())
        std::cout << '\n';
    std::vector<std::vector<std::string>> rows;
    for (const cloudtrail::TrailEvent &event : trail.events) {
        const CloudTrailEventRow &r = event.row;
        rows.push_back({isoTime(r.time), r.eventName + (r.errorCode.empty() ? "" : " (" + r.errorCode + ')'),
                        r.principal.empty() ? "-" : r.principal, r.sourceIp.empty() ? "-" : r.sourceIp,
                        spaced(r.resources), spaced(event.caseInterfaces)});
    }
    writeTable(std::cout, {"time", "event", "principal", "source_ip", "resources", "case_enis"}, rows);
}

} // namespace

// `trail CASE [--eni ENI | --instance ID | --sg ID]`: the case's CloudTrail
// events linked to an interface, instance or security group (all without one).
int runTrail(const std::vector<std::string> &args)
{
    const Arguments arguments(args, {"format", "eni", "instance", "sg"}, {});
    if (!arguments.ok())
        return usage(arguments.error());
    if (arguments.positional().size() != 1)
        return usage(arguments.positional().empty() ? "needs CASE" : "takes CASE only (select with --eni, --instance or --sg)");
    const std::string format = arguments.value("format").value_or("table");
    if (format != "json" && format != "table")
        return usage("--format must be json or table");
    cloudtrail::TrailQuery query;
    int selectors = 0;
    for (const auto &[option, kind, prefix] :
         {std::tuple{"eni", cloudtrail::TrailQuery::Kind::Interface, "eni-"},
          std::tuple{"instance", cloudtrail::TrailQuery::Kind::Instance, "i-"},
          std::tuple{"sg", cloudtrail::TrailQuery::Kind::SecurityGroup, "sg-"}})
        if (const auto id = arguments.value(option)) {
            if (!id->starts_with(prefix))
                return usage(std::string("--") + option + " '" + *id + "' is not an id starting with " + prefix);
            query.kind = kind;
            query.id = *id;
            ++selectors;
        }
    if (selectors > 1)
        return usage("give one of --eni, --instance and --sg");
    try {
        auto caseDb = CaseDb::open(arguments.positional()[0], CaseDb::Mode::ReadOnly);
        const cloudtrail::Trail trail = cloudtrail::traceCloudTrail(*caseDb, query);
        if (trail.events.empty())
            std::cerr << "flowscope-cli trail: note: "
                      << (query.id.empty() ? std::string("the case holds no CloudTrail event (import CloudTrail files)")
                                           : "no CloudTrail event of the case names " + query.id)
                      << '\n';
        format == "json" ? printJson(trail, query) : printTable(trail);
        return ExitOk;
    } catch (const std::exception &error) {
        std::cerr << "flowscope-cli trail: " << error.what() << '\n';
        return ExitFatal;
    }
}

} // namespace flowscope::cli
