/// The checks of one NIC's cloud-init addresses: Proxmox's formats, and what a careful admin wants to hear.
enum CloudInitAddress {
    static func ipv4Issue(_ value: String, gateway: String) -> Issue? {
        if value.isEmpty || value == "dhcp" || value == "manual" { return nil }
        guard let (address, prefix) = IPAddress.cidr4(value) else {
            return Issue("IPv4 '\(Checks.shown(value))' must be dhcp or an address with its prefix length, e.g. 192.0.2.10/24")
        }
        guard prefix < 31 else { return nil }
        let mask = IPAddress.mask(prefix)
        if address & ~mask == 0 { return .warning("IPv4 \(value) is the network address of its subnet, not a host's") }
        if address & ~mask == ~mask { return .warning("IPv4 \(value) is the broadcast address of its subnet, not a host's") }
        return nil
    }

    static func gateway4Issue(_ value: String, address: String) -> Issue? {
        if value.isEmpty { return nil }
        guard let gateway = IPAddress.ipv4(Substring(value)) else { return Issue("Gateway '\(Checks.shown(value))' is not an IPv4 address") }
        guard let (own, prefix) = IPAddress.cidr4(address) else { return nil }
        if gateway == own { return Issue("Gateway \(value) is the VM's own address") }
        let mask = IPAddress.mask(prefix)
        // Routed set-ups (a /32 on a rented server, gateway outside) need this, so it stays allowed.
        if gateway & mask != own & mask {
            return .warning("Gateway \(value) is outside \(IPAddress.text(own & mask))/\(prefix): fine for a routed set-up, else a typo")
        }
        return nil
    }

    static func ipv6Issue(_ value: String) -> Issue? {
        if value.isEmpty || ["dhcp", "auto", "manual"].contains(value) { return nil }
        return IPAddress.cidr6(value) == nil
            ? Issue("IPv6 '\(Checks.shown(value))' must be dhcp, auto (SLAAC) or an address with its prefix length, e.g. 2001:db8::10/64") : nil
    }

    static func gateway6Issue(_ value: String, address: String) -> Issue? {
        if value.isEmpty { return nil }
        guard let gateway = IPAddress.ipv6(Substring(value)) else { return Issue("Gateway '\(Checks.shown(value))' is not an IPv6 address") }
        guard let (own, prefix) = IPAddress.cidr6(address) else { return nil }
        if gateway == own { return Issue("Gateway \(value) is the VM's own address") }
        let linkLocal = gateway[0] & 0xFFC0 == 0xFE80
        if !linkLocal && !IPAddress.sameNetwork(gateway, own, prefix: prefix) {
            return .warning("Gateway \(value) is outside the VM's /\(prefix): fine for a routed set-up, else a typo")
        }
        return nil
    }
}
