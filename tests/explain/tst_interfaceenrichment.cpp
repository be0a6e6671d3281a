// SPDX-License-Identifier: GPL-3.0-or-later
// The enrichment index of a configuration snapshot (the estate fixture):
// what it says about an interface, which interface owns an address (every
// private IPv4 address, IPv6 too), the interfaces per filter value, and what
// it gives the note on traffic flow logs never record.

#include "explain/interface_enrichment.h"
#include "explain/snapshot_loader.h"

#include <QTest>

using namespace flowscope;
using namespace flowscope::explain;

class TestInterfaceEnrichment : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<InterfaceEnrichment> m_index;

    static QString joined(const std::vector<std::string> &ids)
    {
        QStringList out;
        for (const std::string &id : ids)
            out << QString::fromStdString(id);
        return out.join(u',');
    }

private Q_SLOTS:
    void initTestCase()
    {
        SnapshotLoad load = loadSnapshot({QStringLiteral(FLOWSCOPE_EXPLAIN_DATA "/estate")});
        QVERIFY(!load.hasErrors());
        m_index = std::make_unique<InterfaceEnrichment>(std::make_shared<const ConfigSnapshot>(std::move(load.snapshot)), 7);
        QCOMPARE(m_index->snapshotId(), 7);
        QVERIFY(m_index->asOf().isValid());
    }

    void describesAnInterface_data()
    {
        QTest::addColumn<QString>("eni");
        QTest::addColumn<QString>("instance");
        QTest::addColumn<QString>("instanceName");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("groups");
        QTest::addColumn<QString>("subnet");
        QTest::addColumn<QString>("vpc");
        QTest::newRow("two groups") << "eni-0web1" << "i-0web1" << "web-1" << "interface"
                                    << "sg-0web (web), sg-0mgmt (mgmt)" << "subnet-0web web" << "vpc-0prod prod";
        QTest::newRow("instance named") << "eni-0app1" << "i-0app1" << "app-1" << "interface" << "sg-0app (app)"
                                        << "subnet-0app app" << "vpc-0prod prod";
        QTest::newRow("instance without a name") << "eni-0web2" << "i-0web2" << "" << "interface"
                                                 << "sg-0default (default)" << "subnet-0web web" << "vpc-0prod prod";
        QTest::newRow("transit gateway") << "eni-0tgw" << "" << "" << "transit_gateway" << "" << "subnet-0app app"
                                         << "vpc-0prod prod";
    }

    void describesAnInterface()
    {
        QFETCH(QString, eni);
        QFETCH(QString, instance);
        QFETCH(QString, instanceName);
        QFETCH(QString, type);
        QFETCH(QString, groups);
        QFETCH(QString, subnet);
        QFETCH(QString, vpc);
        const InterfaceDetails *details = m_index->interface(eni);
        QVERIFY(details);
        QCOMPARE(details->interfaceId, eni);
        QCOMPARE(details->instanceId, instance);
        QCOMPARE(details->instanceName, instanceName);
        QCOMPARE(details->type, type);
        QCOMPARE(details->securityGroupsText(), groups);
        QCOMPARE(details->subnetId + u' ' + details->subnetName, subnet);
        QCOMPARE(details->vpcId + u' ' + details->vpcName, vpc);
        QCOMPARE(details->description, m_index->snapshot().interfaces.at(eni).description);
    }

    void unknownInterface() { QVERIFY(!m_index->interface(QStringLiteral("eni-0nothere"))); }

    void ownsAddresses_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("eni");
        QTest::newRow("primary") << "10.0.1.10" << "eni-0app1";
        QTest::newRow("secondary") << "10.0.1.11" << "eni-0app1";
        QTest::newRow("ipv6") << "2600:1f18:abcd:1201::10" << "eni-0app1";
        QTest::newRow("ipv6 spelled out") << "2600:1f18:abcd:1201:0:0:0:10" << "eni-0app1";
        QTest::newRow("database secondary") << "10.0.2.21" << "eni-0db1";
        QTest::newRow("nobody's") << "10.0.9.9" << "";
        QTest::newRow("not an address") << "web-1" << "";
    }

    void ownsAddresses()
    {
        QFETCH(QString, address);
        QFETCH(QString, eni);
        const InterfaceDetails *owner = m_index->owner(address);
        QCOMPARE(owner ? owner->interfaceId : QString(), eni);
        // Whatever owns it, the snapshot's own look-up agrees.
        const auto parsed = explain::IpAddress::parse(address);
        const NetworkInterface *reference = parsed ? m_index->snapshot().interfaceOwning(*parsed) : nullptr;
        QCOMPARE(reference ? reference->id : QString(), eni);
    }

    void filterValues_data()
    {
        QTest::addColumn<int>("attribute");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("interfaces");
        QTest::newRow("group id") << int(InterfaceAttribute::SecurityGroup) << "sg-0default" << "eni-0web2,eni-0web3";
        QTest::newRow("group name") << int(InterfaceAttribute::SecurityGroup) << "default" << "eni-0web2,eni-0web3";
        QTest::newRow("second group") << int(InterfaceAttribute::SecurityGroup) << "mgmt" << "eni-0web1";
        QTest::newRow("instance") << int(InterfaceAttribute::InstanceName) << "web-1" << "eni-0web1";
        QTest::newRow("subnet") << int(InterfaceAttribute::SubnetName) << "web"
                                << "eni-0nat,eni-0web1,eni-0web2,eni-0web3";
        QTest::newRow("vpc") << int(InterfaceAttribute::VpcName) << "prod"
                             << "eni-0app1,eni-0app2,eni-0db1,eni-0nat,eni-0tgw,eni-0web1,eni-0web2,eni-0web3";
        QTest::newRow("unknown") << int(InterfaceAttribute::VpcName) << "staging" << "";
        QTest::newRow("case matters") << int(InterfaceAttribute::SubnetName) << "WEB" << "";
    }

    void filterValues()
    {
        QFETCH(int, attribute);
        QFETCH(QString, value);
        QFETCH(QString, interfaces);
        const auto a = static_cast<InterfaceAttribute>(attribute);
        QCOMPARE(joined(m_index->interfacesWith(a, value.toStdString())), interfaces);
        // Brute force over the snapshot: the interfaces whose details carry the value.
        QStringList expected;
        for (const auto &[id, eni] : m_index->snapshot().interfaces) {
            const InterfaceDetails *d = m_index->interface(id);
            bool has = false;
            switch (a) {
            case InterfaceAttribute::SecurityGroup:
                for (const GroupRef &g : d->securityGroups)
                    has = has || g.id == value || g.name == value;
                break;
            case InterfaceAttribute::InstanceName: has = d->instanceName == value; break;
            case InterfaceAttribute::SubnetName: has = d->subnetName == value; break;
            case InterfaceAttribute::VpcName: has = d->vpcName == value; break;
            }
            if (has)
                expected << id;
        }
        QCOMPARE(expected.join(u','), interfaces);
        const auto values = m_index->valuesOf(a);
        QCOMPARE(std::find(values.begin(), values.end(), value.toStdString()) != values.end(), !interfaces.isEmpty());
        QVERIFY(std::is_sorted(values.begin(), values.end()));
    }

    void unloggedTrafficContext()
    {
        const UnloggedTrafficContext context = m_index->unloggedTrafficContext();
        QCOMPARE(context.vpcCidrs.size(), std::size_t(1));
        QCOMPARE(context.vpcCidrs[0].lo.toString(), std::string("10.0.0.0"));
        QCOMPARE(context.vpcCidrs[0].hi.toString(), std::string("10.0.255.255"));
        // The estate has neither endpoints nor load balancers.
        QVERIFY(context.endpointInterfaces.empty());
        QVERIFY(context.loadBalancerInterfaces.empty());
    }

    // Endpoint and Network Load Balancer interfaces by their type or, in
    // older output, their description; every IPv4 block of the VPC.
    void endpointsAndLoadBalancers()
    {
        SnapshotLoad load = loadSnapshot({QStringLiteral(FLOWSCOPE_EXPLAIN_DATA "/endpoints")});
        QVERIFY(!load.hasErrors());
        const InterfaceEnrichment index(std::make_shared<const ConfigSnapshot>(std::move(load.snapshot)));
        const UnloggedTrafficContext context = index.unloggedTrafficContext();
        auto ids = [](const std::vector<UnloggedTrafficContext::Interface> &interfaces) {
            QStringList out;
            for (const auto &interface : interfaces) {
                QStringList addresses;
                for (const auto &address : interface.addresses)
                    addresses << QString::fromStdString(address.toString());
                out << QString::fromStdString(interface.id) + u'=' + addresses.join(u',');
            }
            return out.join(u' ');
        };
        QCOMPARE(ids(context.endpointInterfaces), QStringLiteral("eni-0vpce=10.8.1.40 eni-0vpceold=10.8.1.41"));
        QCOMPARE(ids(context.loadBalancerInterfaces),
                 QStringLiteral("eni-0nlb=10.8.2.50,10.8.2.51 eni-0nlbold=10.8.2.52")); // not the ALB's
        QStringList blocks;
        for (const auto &range : context.vpcCidrs)
            blocks << QString::fromStdString(range.lo.toString() + '-' + range.hi.toString());
        QCOMPARE(blocks.join(u' '), QStringLiteral("10.8.0.0-10.8.255.255 100.64.0.0-100.64.15.255"));
        QCOMPARE(index.interface(QStringLiteral("eni-0nlb"))->vpcName, QStringLiteral("services"));
        QCOMPARE(index.owner(QStringLiteral("10.8.2.51"))->interfaceId, QStringLiteral("eni-0nlb"));
    }
};

QTEST_GUILESS_MAIN(TestInterfaceEnrichment)
#include "tst_interfaceenrichment.moc"
