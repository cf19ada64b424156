// SPDX-License-Identifier: GPL-3.0-or-later
#include "remote/agent/exposure.h"

#include "remote/agent/gate.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>

namespace cleave::remote {

namespace {

bool isLoopback(const sockaddr *address)
{
    if (address->sa_family == AF_INET) {
        const auto *v4 = reinterpret_cast<const sockaddr_in *>(address);
        return (ntohl(v4->sin_addr.s_addr) >> 24) == 127;
    }
    if (address->sa_family == AF_INET6) {
        const auto &v6 = reinterpret_cast<const sockaddr_in6 *>(address)->sin6_addr;
        return IN6_IS_ADDR_LOOPBACK(&v6) || (IN6_IS_ADDR_V4MAPPED(&v6) && v6.s6_addr[12] == 127);
    }
    return false;
}

std::string numeric(const sockaddr *address, socklen_t length)
{
    char host[NI_MAXHOST] = {};
    if (getnameinfo(address, length, host, sizeof host, nullptr, 0, NI_NUMERICHOST) != 0)
        return "?";
    return host;
}

bool isUnspecified(const sockaddr *address)
{
    if (address->sa_family == AF_INET)
        return reinterpret_cast<const sockaddr_in *>(address)->sin_addr.s_addr == INADDR_ANY;
    if (address->sa_family == AF_INET6)
        return IN6_IS_ADDR_UNSPECIFIED(&reinterpret_cast<const sockaddr_in6 *>(address)->sin6_addr);
    return false;
}

bool isUnixAddress(const std::string &address)
{
    return address.rfind("unix:", 0) == 0 || address.rfind("unix-abstract:", 0) == 0;
}

} // namespace

ListenExposure exposureOf(const std::string &listen)
{
    if (isUnixAddress(listen))
        return {};
    auto host = listen.substr(0, listen.rfind(':'));
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    if (host.empty() || host == "*")
        return {true, "every interface"};
    addrinfo hints = {};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE;
    addrinfo *found = nullptr;
    if (getaddrinfo(host.c_str(), nullptr, &hints, &found) != 0)
        return {};
    ListenExposure exposure;
    for (auto *a = found; a; a = a->ai_next) {
        if (isLoopback(a->ai_addr))
            continue;
        exposure.network = true;
        exposure.reachableAt =
            isUnspecified(a->ai_addr) ? "every interface" : numeric(a->ai_addr, a->ai_addrlen);
        break;
    }
    freeaddrinfo(found);
    return exposure;
}

bool isLoopbackPeer(const std::string &peer)
{
    if (isUnixAddress(peer))
        return true;
    auto host = peerHost(peer);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    sockaddr_in v4 = {};
    if (inet_pton(AF_INET, host.c_str(), &v4.sin_addr) == 1) {
        v4.sin_family = AF_INET;
        return isLoopback(reinterpret_cast<const sockaddr *>(&v4));
    }
    sockaddr_in6 v6 = {};
    if (inet_pton(AF_INET6, host.c_str(), &v6.sin6_addr) == 1) {
        v6.sin6_family = AF_INET6;
        return isLoopback(reinterpret_cast<const sockaddr *>(&v6));
    }
    return false;
}

} // namespace cleave::remote
