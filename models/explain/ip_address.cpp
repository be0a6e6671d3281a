// SPDX-License-Identifier: GPL-3.0-or-later
#include "ip_address.h"

#include <arpa/inet.h>

namespace flowscope::explain {

std::optional<IpAddress> IpAddress::parse(const QString &text)
{
    const QByteArray latin = text.trimmed().toLatin1();
    IpAddress address;
    if (inet_pton(AF_INET, latin.constData(), address.bytes.data()) == 1)
        return address;
    address.v6 = true;
    if (inet_pton(AF_INET6, latin.constData(), address.bytes.data()) == 1)
        return address;
    return std::nullopt;
}

QString IpAddress::toString() const
{
    char buffer[INET6_ADDRSTRLEN] = {};
    inet_ntop(v6 ? AF_INET6 : AF_INET, bytes.data(), buffer, sizeof buffer);
    return QString::fromLatin1(buffer);
}

std::optional<IpCidr> IpCidr::parse(const QString &text)
{
    const qsizetype slash = text.indexOf(u'/');
    const auto address = IpAddress::parse(slash < 0 ? text : text.left(slash));
    if (!address)
        return std::nullopt;
    const int width = address->v6 ? 128 : 32;
    int prefix = width;
    if (slash >= 0) {
        bool ok = false;
        prefix = text.mid(slash + 1).toInt(&ok);
        if (!ok || prefix < 0 || prefix > width)
            return std::nullopt;
    }
    IpCidr cidr{*address, prefix};
    // AWS canonicalises blocks on create; do the same so host bits never matter.
    for (int bit = prefix; bit < width; ++bit)
        cidr.base.bytes[bit / 8] &= static_cast<std::uint8_t>(~(0x80u >> (bit % 8)));
    return cidr;
}

IpCidr IpCidr::host(const IpAddress &address)
{
    return IpCidr{address, address.v6 ? 128 : 32};
}

bool IpCidr::contains(const IpAddress &address) const
{
    if (address.v6 != base.v6)
        return false;
    const int whole = prefix / 8;
    for (int i = 0; i < whole; ++i)
        if (address.bytes[i] != base.bytes[i])
            return false;
    const int rest = prefix % 8;
    if (rest == 0)
        return true;
    const auto mask = static_cast<std::uint8_t>(0xffu << (8 - rest));
    return (address.bytes[whole] & mask) == (base.bytes[whole] & mask);
}

QString IpCidr::toString() const
{
    return base.toString() + u'/' + QString::number(prefix);
}

} // namespace flowscope::explain
