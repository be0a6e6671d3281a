// SPDX-License-Identifier: GPL-3.0-or-later
#include "outside_groups.h"

#include "query/case_ioc_lists.h"
#include "store/case_db.h"
#include "store/dictionaries.h"
#include "store/ioc_list_rows.h"

#include <QObject>

#include <algorithm>
#include <tuple>

namespace flowscope::graph {

namespace {

bool lessAddress(const IpAddress &a, const IpAddress &b)
{
    return std::tie(a.family, a.bytes) < std::tie(b.family, b.bytes);
}

QString addressText(const IpAddress &address) { return QString::fromStdString(address.toString()); }

const QString kServicePrefix = QStringLiteral("aws:");
const QString kIocPrefix = QStringLiteral("ioc:");

} // namespace

std::vector<IocGroupList> caseIocGroupLists(CaseDb &caseDb)
{
    std::vector<IocGroupList> lists;
    if (!hasIocListTables(caseDb.handle()))
        return lists;
    for (const IocListRow &row : readIocLists(caseDb.handle())) {
        const auto indicators = loadCaseIocList(caseDb, row.name);
        if (!indicators || indicators->empty())
            continue;
        lists.push_back({QString::fromStdString(row.name), indicators->coveredRanges()});
    }
    return lists;
}

IpAddress networkOf(const IpAddress &address)
{
    if (address.isV4())
        return IpAddress::fromV4(address.v4() & 0xFFFFFF00U);
    IpAddress network = address;
    std::fill(network.bytes.begin() + 6, network.bytes.end(), 0);
    return network;
}

std::size_t writeV4Prefix(std::uint32_t address, char *out)
{
    // Written digit by digit: a graph names hundreds of thousands of these.
    char *end = out;
    const std::uint32_t network = address & 0xFFFFFF00U;
    for (int shift = 24; shift >= 0; shift -= 8) {
        const unsigned octet = (network >> shift) & 0xFFU;
        if (octet >= 100)
            *end++ = static_cast<char>('0' + octet / 100);
        if (octet >= 10)
            *end++ = static_cast<char>('0' + octet / 10 % 10);
        *end++ = static_cast<char>('0' + octet % 10);
        *end++ = shift ? '.' : '/';
    }
    *end++ = '2';
    *end++ = '4';
    return static_cast<std::size_t>(end - out);
}

QString prefixOf(const IpAddress &address)
{
    if (address.isV4()) {
        char text[kV4PrefixMaxSize];
        return QString::fromLatin1(text, static_cast<qsizetype>(writeV4Prefix(address.v4(), text)));
    }
    return addressText(networkOf(address)) + QStringLiteral("/48");
}

OutsideGroups::OutsideGroups(const std::set<QString> &expanded, const StringDictionary &strings,
                             std::vector<IocGroupList> iocLists)
    : m_strings(strings)
    , m_iocLists(std::move(iocLists))
    , m_expandedIoc(m_iocLists.size(), false)
{
    for (const QString &group : expanded) {
        if (group.startsWith(kServicePrefix)) {
            if (const std::uint32_t id = strings.find(group.mid(kServicePrefix.size()).toStdString()))
                m_expandedServices.insert(id);
        } else if (group.startsWith(kIocPrefix)) {
            for (std::size_t i = 0; i < m_iocLists.size(); ++i)
                if (m_iocLists[i].name == group.mid(kIocPrefix.size()))
                    m_expandedIoc[i] = true;
        } else if (const auto address = IpAddress::parse(group.section(QLatin1Char('/'), 0, 0).toStdString())) {
            // Only a group's own spelling names it, as the node's id shows it.
            if (prefixOf(*address) == group)
                m_expandedNetworks.insert(networkOf(*address));
        }
    }
}

std::uint32_t OutsideGroups::iocListOf(const IpAddress &address) const
{
    for (std::size_t i = 0; i < m_iocLists.size(); ++i) {
        const auto &ranges = m_iocLists[i].ranges;
        auto it = std::upper_bound(ranges.begin(), ranges.end(), address,
                                   [](const IpAddress &a, const AddressRange &r) { return lessAddress(a, r.lo); });
        if (it != ranges.begin() && !lessAddress(std::prev(it)->hi, address))
            return static_cast<std::uint32_t>(i + 1);
    }
    return 0;
}

OutsideKey OutsideGroups::keyOf(const IpAddress &address, std::uint32_t service) const
{
    OutsideKey key;
    if (const std::uint32_t list = m_iocLists.empty() ? 0 : iocListOf(address)) {
        key.form = m_expandedIoc[list - 1] ? OutsideKey::Form::Address : OutsideKey::Form::Ioc;
        key.group = key.form == OutsideKey::Form::Ioc ? list - 1 : 0;
        key.address = key.form == OutsideKey::Form::Address ? address : IpAddress();
        return key;
    }
    if (service) {
        if (m_expandedServices.count(service)) {
            key.form = OutsideKey::Form::Address;
            key.address = address;
        } else {
            key.form = OutsideKey::Form::Service;
            key.group = service;
        }
        return key;
    }
    const IpAddress network = networkOf(address);
    if (m_expandedNetworks.count(network)) {
        key.form = OutsideKey::Form::Address;
        key.address = address;
    } else {
        key.address = network;
    }
    return key;
}

IpAddress OutsideGroups::kept(const IpAddress &address, std::uint32_t service) const
{
    const OutsideKey key = keyOf(address, service);
    if (key.form != OutsideKey::Form::Network && key.form != OutsideKey::Form::Service)
        return address;
    // The block stands for the address unless an IOC list holds the block's own address.
    const IpAddress network = networkOf(address);
    return m_iocLists.empty() || !iocListOf(network) ? network : address;
}

QString OutsideGroups::idOf(const OutsideKey &key) const
{
    switch (key.form) {
    case OutsideKey::Form::Network:
        return prefixOf(key.address);
    case OutsideKey::Form::Service:
        return kServicePrefix + QString::fromStdString(m_strings.value(key.group));
    case OutsideKey::Form::Ioc:
        return kIocPrefix + m_iocLists[key.group].name;
    case OutsideKey::Form::Address:
        break;
    }
    return addressText(key.address);
}

OutsideNodeText OutsideGroups::text(const OutsideKey &key, std::uint32_t seenService) const
{
    OutsideNodeText node;
    node.id = idOf(key);
    const QString service = seenService ? QString::fromStdString(m_strings.value(seenService)) : QString();
    switch (key.form) {
    case OutsideKey::Form::Network:
        node.label = node.id;
        node.addresses = node.id;
        break;
    case OutsideKey::Form::Service:
        node.kind = NodeKind::AwsService;
        node.label = QObject::tr("%1 (AWS)").arg(service);
        node.service = service;
        break;
    case OutsideKey::Form::Ioc:
        node.kind = NodeKind::Ioc;
        node.label = QObject::tr("IOC: %1").arg(m_iocLists[key.group].name);
        node.iocList = m_iocLists[key.group].name;
        break;
    case OutsideKey::Form::Address: {
        node.addresses = node.id;
        if (const std::uint32_t list = m_iocLists.empty() ? 0 : iocListOf(key.address)) {
            node.kind = NodeKind::Ioc;
            node.label = QObject::tr("%1 (IOC: %2)").arg(node.id, m_iocLists[list - 1].name);
            node.group = kIocPrefix + m_iocLists[list - 1].name;
        } else if (seenService) {
            node.kind = NodeKind::AwsService;
            node.label = QObject::tr("%1 (%2)").arg(node.id, service);
            node.group = kServicePrefix + service;
        } else {
            node.label = node.id;
            node.group = prefixOf(key.address);
        }
        break;
    }
    }
    return node;
}

} // namespace flowscope::graph
