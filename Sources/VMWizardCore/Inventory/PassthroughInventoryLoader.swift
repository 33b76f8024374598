import VMWizardPlatform

/// Reads what a Proxmox VE node offers for PCI(e) and USB passthrough from its own files under a root folder
/// (`/` on a real node): sysfs, `/proc`, pci.ids/usb.ids, the cluster's resource mappings and
/// `/etc/network/interfaces`.
///
/// sysfs is full of symlink cycles (a device's `driver/` lists the device again, an IOMMU group's `devices/`
/// too), so only known paths are read and no folder is walked recursively. Every file goes through
/// `BoundedFile` with a small limit; every list is bounded. Missing files are silent (a node without an IOMMU,
/// without pci.ids, without mappings is normal); files that exist but cannot be read or understood become
/// `problems`, each naming its file relative to the root.
public enum PassthroughInventoryLoader {
    static let maxPCIDevices = 4096
    static let maxUSBDevices = 1024
    static let maxMdevTypes = 256
    static let maxMappingSections = 4096
    static let maxNetInterfacesPerDevice = 256
    static let maxInterfaceStanzas = 4096
    /// `sys/bus/usb/devices` also lists every interface of every device ("1-2:1.0").
    static let maxUSBListing = 16384

    static let attributeLimit = 4096
    static let idsLimit = 8 << 20
    static let mappingLimit = 1 << 20
    static let interfacesLimit = 1 << 20
    static let cmdlineLimit = 64 << 10
    static let cpuinfoLimit = 8 << 20

    static let pciDevicesPath = "sys/bus/pci/devices"
    static let usbDevicesPath = "sys/bus/usb/devices"
    static let iommuGroupsPath = "sys/kernel/iommu_groups"
    static let classNetPath = "sys/class/net"
    static let cmdlinePath = "proc/cmdline"
    static let cpuinfoPath = "proc/cpuinfo"
    static let pciIDsPaths = ["usr/share/misc/pci.ids", "usr/share/hwdata/pci.ids"]
    static let usbIDsPaths = ["usr/share/misc/usb.ids", "var/lib/usbutils/usb.ids"]
    static let pciMappingPath = "etc/pve/mapping/pci.cfg"
    static let usbMappingPath = "etc/pve/mapping/usb.cfg"
    static let interfacesPath = "etc/network/interfaces"

    /// Reads everything; never fails (what cannot be read is left out and named in `problems`).
    public static func load(root: String, nodeName: String) -> PassthroughInventory {
        var reader = Reader(root: root)
        var inventory = PassthroughInventory()
        inventory.nodeName = nodeName

        var pci = loadPCIDevices(&reader)
        var usb = loadUSBDevices(&reader)
        nameDevices(&pci, &usb, &reader)
        inventory.pciDevices = pci
        inventory.usbDevices = usb

        inventory.iommuGroupsPresent = InventoryFiles.directoryHasEntries(reader.path(iommuGroupsPath))
        if let bytes = reader.file(cmdlinePath, limit: cmdlineLimit) {
            inventory.kernelCommandLine = trimmedText(bytes)
        }
        if let bytes = reader.file(cpuinfoPath, limit: cpuinfoLimit) {
            inventory.cpuVendor = cpuVendor(in: bytes)
        }

        if let bytes = reader.file(pciMappingPath, limit: mappingLimit) {
            inventory.pciMappings = parseMappings(bytes, kind: .pci, file: pciMappingPath, problems: &reader.problems)
        }
        if let bytes = reader.file(usbMappingPath, limit: mappingLimit) {
            inventory.usbMappings = parseMappings(bytes, kind: .usb, file: usbMappingPath, problems: &reader.problems)
        }

        var stanzas: [String: InterfaceStanza] = [:]
        if let bytes = reader.file(interfacesPath, limit: interfacesLimit) {
            stanzas = parseInterfaces(bytes, file: interfacesPath, problems: &reader.problems)
        }
        var use = hostNetworkUse(stanzas)
        addRuntimeBridgePorts(&use, interfaces: pci.flatMap(\.netInterfaces), stanzas: stanzas, reader: &reader)
        inventory.hostNetworkUse = use

        inventory.problems = reader.problems
        return inventory
    }

    // MARK: - Reading

    /// Reads files under the root and collects problems.
    struct Reader {
        let root: String
        var problems: [String] = []

        func path(_ relative: String) -> String { InventoryFiles.join(root, relative) }

        /// The whole file; nil when missing (silent) or unreadable (a problem).
        mutating func file(_ relative: String, limit: Int) -> [UInt8]? {
            switch BoundedFile.read(path(relative), limit: limit) {
            case .ok(let bytes): return bytes
            case .missing: return nil
            case .failed(let reason):
                problems.append("\(relative): cannot be read (\(reason))")
                return nil
            }
        }

        /// A sysfs attribute's first line without its line end; nil when missing or unreadable.
        mutating func attribute(_ relative: String) -> String? {
            file(relative, limit: PassthroughInventoryLoader.attributeLimit).map(firstLine)
        }

        /// The last path component of a symlink's target; nil when there is no link.
        mutating func linkName(_ relative: String) -> String? {
            var buffer = [UInt8](repeating: 0, count: 4097)
            let count = buffer.withUnsafeMutableBytes { raw in
                readlink(path(relative), raw.baseAddress!.assumingMemoryBound(to: CChar.self), raw.count - 1)
            }
            if count < 0 {
                let code = errno
                if code != ENOENT && code != ENOTDIR {
                    problems.append("\(relative): cannot be read as a link (\(InventoryFiles.errnoText(code)))")
                }
                return nil
            }
            let target = buffer[0..<count]
            let name = target.split(separator: UInt8(ascii: "/")).last.map { String(decoding: $0, as: UTF8.self) }
            return name.flatMap { $0.isEmpty ? nil : $0 }
        }

        /// The entries of a folder (not "." or "..", nor hidden ones), sorted, at most `max`; nil when missing.
        /// More than `max` entries is a problem that says what `dropping` means.
        mutating func folder(_ relative: String, max: Int, dropping: String) -> [String]? {
            guard let dir = opendir(path(relative)) else {
                let code = errno
                if code != ENOENT && code != ENOTDIR {
                    problems.append("\(relative): cannot be listed (\(InventoryFiles.errnoText(code)))")
                }
                return nil
            }
            defer { closedir(dir) }
            var names: [String] = []
            var more = false
            while let entry = readdir(dir) {
                let name = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                    pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
                }
                if name.isEmpty || name.hasPrefix(".") { continue }
                if names.count == max {
                    more = true
                    break
                }
                names.append(name)
            }
            if more { problems.append("\(relative): more than \(max) entries; \(dropping)") }
            return names.sorted()
        }
    }

    /// The text up to the first line end (LF, or a CR before it).
    static func firstLine(_ bytes: [UInt8]) -> String {
        var end = bytes.firstIndex(of: 0x0A) ?? bytes.count
        if end > 0, bytes[end - 1] == 0x0D { end -= 1 }
        return String(decoding: bytes[..<end], as: UTF8.self)
    }

    /// The whole text without trailing blanks, line ends and NULs.
    static func trimmedText(_ bytes: [UInt8]) -> String {
        var end = bytes.count
        while end > 0, [0x00, 0x0A, 0x0D, 0x20, 0x09].contains(bytes[end - 1]) { end -= 1 }
        return String(decoding: bytes[..<end], as: UTF8.self)
    }

    /// "0x8086" or "8086" with `digits` hex digits, in lower case without "0x"; nil otherwise.
    static func hexID(_ text: String, digits: Int) -> String? {
        var value = Substring(text.lowercased())
        while let last = value.last, last == " " || last == "\t" { value = value.dropLast() }
        if value.hasPrefix("0x") { value = value.dropFirst(2) }
        guard value.count == digits, value.allSatisfy(\.isHexDigit) else { return nil }
        return String(value)
    }

    // MARK: - PCI

    /// "0000:01:00.0": domain (4 or more hex digits), bus, slot, function, in lower case as sysfs writes them.
    static func isPCIAddress(_ name: String) -> Bool {
        let parts = name.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return false }
        let lowerHex: (Character) -> Bool = { ("0"..."9").contains($0) || ("a"..."f").contains($0) }
        let slotAndFunction = parts[2].split(separator: ".", omittingEmptySubsequences: false)
        return parts[0].count >= 4 && parts[0].allSatisfy(lowerHex)
            && parts[1].count == 2 && parts[1].allSatisfy(lowerHex)
            && slotAndFunction.count == 2
            && slotAndFunction[0].count == 2 && slotAndFunction[0].allSatisfy(lowerHex)
            && slotAndFunction[1].count == 1 && slotAndFunction[1].allSatisfy(lowerHex)
    }

    static func loadPCIDevices(_ reader: inout Reader) -> [PCIDevice] {
        guard let names = reader.folder(pciDevicesPath, max: maxPCIDevices, dropping: "the rest are not listed") else {
            return []
        }
        var devices: [PCIDevice] = []
        for name in names where isPCIAddress(name) {
            if let device = loadPCIDevice(name, &reader) { devices.append(device) }
        }
        devices.sort { $0.address < $1.address }
        return devices
    }

    private static func loadPCIDevice(_ address: String, _ reader: inout Reader) -> PCIDevice? {
        let dir = pciDevicesPath + "/" + address
        func required(_ attribute: String, digits: Int) -> String? {
            let file = dir + "/" + attribute
            guard let text = reader.attribute(file) else {
                // An unreadable file was reported by the reader; a missing one is reported here.
                if !reader.problems.contains(where: { $0.hasPrefix(file + ":") }) {
                    reader.problems.append("\(file): missing; device not listed")
                }
                return nil
            }
            guard let id = hexID(text, digits: digits) else {
                reader.problems.append("\(file): '\(InventoryText.excerpt(Substring(text)))' is not a \(digits)-digit hex number; device not listed")
                return nil
            }
            return id
        }
        func optional(_ attribute: String) -> String? {
            reader.attribute(dir + "/" + attribute).flatMap { hexID($0, digits: 4) }
        }
        guard let vendor = required("vendor", digits: 4), let device = required("device", digits: 4),
              let classCode = required("class", digits: 6) else { return nil }

        var result = PCIDevice(address: address, vendorID: vendor, deviceID: device, classCode: classCode)
        result.subsystemVendorID = optional("subsystem_vendor")
        result.subsystemDeviceID = optional("subsystem_device")
        if let group = reader.linkName(dir + "/iommu_group") {
            if let number = Int(group), number >= 0 {
                result.iommuGroup = number
            } else {
                reader.problems.append("\(dir)/iommu_group: links to '\(InventoryText.excerpt(Substring(group)))', not a group number")
            }
        }
        result.driver = reader.linkName(dir + "/driver")
        var net = reader.folder(dir + "/net", max: maxNetInterfacesPerDevice, dropping: "the rest are not listed") ?? []
        if net.isEmpty, result.driver == "virtio-pci" {
            // A virtio NIC (a node that is itself a VM) has its interface one level down: <device>/virtio0/net/.
            for child in reader.folder(dir, max: 1024, dropping: "the rest are not read") ?? [] where isVirtioChild(child) {
                net += reader.folder(dir + "/" + child + "/net", max: maxNetInterfacesPerDevice,
                                     dropping: "the rest are not listed") ?? []
            }
        }
        result.netInterfaces = net.sorted()
        result.mdevTypes = loadMdevTypes(dir + "/mdev_supported_types", &reader)
        result.isExpress = InventoryFiles.exists(reader.path(dir + "/current_link_speed"))
        return result
    }

    /// "virtio0", "virtio12": the virtio device under a virtio-pci function.
    static func isVirtioChild(_ name: String) -> Bool {
        name.hasPrefix("virtio") && name.count > 6 && name.dropFirst(6).allSatisfy { $0 >= "0" && $0 <= "9" }
    }

    private static func loadMdevTypes(_ dir: String, _ reader: inout Reader) -> [MediatedDeviceType] {
        guard let ids = reader.folder(dir, max: maxMdevTypes, dropping: "the rest are not listed") else { return [] }
        return ids.map { id in
            let typeDir = dir + "/" + id
            let description = reader.file(typeDir + "/description", limit: attributeLimit).map(trimmedText)
            let available = reader.attribute(typeDir + "/available_instances")
                .flatMap { Int(InventoryText.trim($0)) }
            return MediatedDeviceType(id: id, name: reader.attribute(typeDir + "/name"),
                                      description: description, availableInstances: available)
        }
    }

    // MARK: - USB

    /// "1-2" or "1-2.3": a device (not a root hub "usb1", not an interface "1-2:1.0").
    static func usbPortPath(_ name: String) -> (bus: Int, ports: [Int])? {
        func number(_ text: Substring) -> Int? {
            guard !text.isEmpty, text.count <= 9, text.allSatisfy({ $0 >= "0" && $0 <= "9" }) else { return nil }
            return Int(text)
        }
        guard let dash = name.firstIndex(of: "-"), let bus = number(name[..<dash]) else { return nil }
        var ports: [Int] = []
        for part in name[name.index(after: dash)...].split(separator: ".", omittingEmptySubsequences: false) {
            guard let port = number(part) else { return nil }
            ports.append(port)
        }
        return (bus, ports)
    }

    static func loadUSBDevices(_ reader: inout Reader) -> [USBDevice] {
        guard let names = reader.folder(usbDevicesPath, max: maxUSBListing, dropping: "the rest are not listed") else {
            return []
        }
        var devices: [(device: USBDevice, ports: [Int])] = []
        for name in names where !name.contains(":") && !name.hasPrefix("usb") {
            guard let (bus, ports) = usbPortPath(name) else { continue }
            if devices.count == maxUSBDevices {
                reader.problems.append("\(usbDevicesPath): more than \(maxUSBDevices) devices; the rest are not listed")
                break
            }
            if let device = loadUSBDevice(name, bus: bus, &reader), !device.isHub { devices.append((device, ports)) }
        }
        devices.sort { lhs, rhs in
            if lhs.device.busNumber != rhs.device.busNumber { return lhs.device.busNumber < rhs.device.busNumber }
            return lhs.ports.lexicographicallyPrecedes(rhs.ports)
        }
        return devices.map(\.device)
    }

    private static func loadUSBDevice(_ name: String, bus: Int, _ reader: inout Reader) -> USBDevice? {
        let dir = usbDevicesPath + "/" + name
        func id(_ attribute: String) -> String? {
            let file = dir + "/" + attribute
            guard let text = reader.attribute(file) else { return nil }
            guard let id = hexID(text, digits: 4) else {
                reader.problems.append("\(file): '\(InventoryText.excerpt(Substring(text)))' is not a 4-digit hex number; device not listed")
                return nil
            }
            return id
        }
        // A device that is still being set up may lack its IDs for a moment; it is left out.
        guard let vendor = id("idVendor"), let product = id("idProduct") else { return nil }
        let isHub = reader.attribute(dir + "/bDeviceClass").map { hexID($0, digits: 2) == "09" } ?? false
        let busNumber = reader.attribute(dir + "/busnum").flatMap { Int(InventoryText.trim($0)) } ?? bus
        let deviceNumber = reader.attribute(dir + "/devnum").flatMap { Int(InventoryText.trim($0)) } ?? 0
        let speed = reader.attribute(dir + "/speed").map { InventoryText.trim($0) }.flatMap { $0.isEmpty ? nil : $0 }
        return USBDevice(
            busPort: name, busNumber: busNumber, deviceNumber: deviceNumber, vendorID: vendor, productID: product,
            manufacturer: reader.attribute(dir + "/manufacturer"), product: reader.attribute(dir + "/product"),
            speed: speed, isHub: isHub
        )
    }

    // MARK: - pci.ids and usb.ids

    struct IDNames: Equatable {
        var vendors: [UInt16: String] = [:]
        /// Keyed by vendor << 16 | device.
        var devices: [UInt32: String] = [:]
    }

    private static func nameDevices(_ pci: inout [PCIDevice], _ usb: inout [USBDevice], _ reader: inout Reader) {
        name(&pci, from: pciIDsPaths, &reader, ids: { ($0.vendorID, $0.deviceID) }) { $0.vendorName = $1; $0.deviceName = $2 }
        name(&usb, from: usbIDsPaths, &reader, ids: { ($0.vendorID, $0.productID) }) { $0.vendorName = $1; $0.productName = $2 }
    }

    /// Sets the vendor and device names of `items` from the first ids file found, reading only their vendors.
    private static func name<Item>(
        _ items: inout [Item], from paths: [String], _ reader: inout Reader, ids: (Item) -> (String, String),
        set: (inout Item, String?, String?) -> Void
    ) {
        guard !items.isEmpty, let bytes = firstIDsFile(paths, &reader) else { return }
        let wanted = items.compactMap { idKey(ids($0).0, ids($0).1) }
        let names = parseIDs(bytes, vendors: Set(wanted.map { UInt16($0 >> 16) }), devices: Set(wanted))
        for index in items.indices {
            guard let key = idKey(ids(items[index]).0, ids(items[index]).1) else { continue }
            set(&items[index], names.vendors[UInt16(key >> 16)], names.devices[key])
        }
    }

    private static func firstIDsFile(_ paths: [String], _ reader: inout Reader) -> [UInt8]? {
        for path in paths {
            if let bytes = reader.file(path, limit: idsLimit) { return bytes }
        }
        return nil
    }

    static func idKey(_ vendor: String, _ device: String) -> UInt32? {
        guard let v = UInt32(vendor, radix: 16), let d = UInt32(device, radix: 16), v <= 0xFFFF, d <= 0xFFFF else { return nil }
        return v << 16 | d
    }

    /// The names of the wanted vendors and devices from a pci.ids or usb.ids file, in one pass over its bytes.
    ///
    /// Vendor lines are `8086  Intel Corporation`; device lines under them start with one tab
    /// (`\t10fb  82599ES …`); subsystem lines (two tabs) and `#` comments are skipped; the class section
    /// (`C 02  Network controller`) and what follows it end the vendor list.
    static func parseIDs(_ bytes: [UInt8], vendors: Set<UInt16>, devices: Set<UInt32>) -> IDNames {
        var result = IDNames()
        guard !vendors.isEmpty else { return result }
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let count = buffer.count
            var current: UInt16?  // the wanted vendor whose devices follow
            var start = 0
            while start < count {
                let end: Int
                if let hit = memchr(base + start, 0x0A, count - start) {
                    end = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
                } else {
                    end = count
                }
                defer { start = end + 1 }
                let first = base[start]
                if first == 0x09 {  // tab: a device (one tab) or subsystem (two) line
                    guard let vendor = current, end - start > 5, base[start + 1] != 0x09,
                          let device = hex4(base, start + 1), isBlank(base[start + 5]) else { continue }
                    let key = UInt32(vendor) << 16 | UInt32(device)
                    if devices.contains(key) { result.devices[key] = name(base, from: start + 5, to: end) }
                    continue
                }
                if first == 0x23 || first == 0x0A || first == 0x0D { continue }  // comment or blank line
                if end - start > 4, let vendor = hex4(base, start), isBlank(base[start + 4]) {
                    if vendors.contains(vendor) {
                        current = vendor
                        result.vendors[vendor] = name(base, from: start + 4, to: end)
                    } else {
                        current = nil
                    }
                    continue
                }
                if first == 0x43, end - start > 1, base[start + 1] == 0x20 { break }  // "C 00  …": classes follow
                current = nil  // some other section
            }
        }
        return result
    }

    @inline(__always) private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    @inline(__always) private static func hexDigit(_ byte: UInt8) -> UInt16? {
        switch byte {
        case 0x30...0x39: return UInt16(byte - 0x30)
        case 0x61...0x66: return UInt16(byte - 0x61 + 10)
        case 0x41...0x46: return UInt16(byte - 0x41 + 10)
        default: return nil
        }
    }

    @inline(__always) private static func hex4(_ base: UnsafePointer<UInt8>, _ at: Int) -> UInt16? {
        guard let a = hexDigit(base[at]), let b = hexDigit(base[at + 1]),
              let c = hexDigit(base[at + 2]), let d = hexDigit(base[at + 3]) else { return nil }
        return a << 12 | b << 8 | c << 4 | d
    }

    private static func name(_ base: UnsafePointer<UInt8>, from: Int, to: Int) -> String {
        var start = from, end = to
        while start < end, isBlank(base[start]) { start += 1 }
        while end > start, isBlank(base[end - 1]) || base[end - 1] == 0x0D { end -= 1 }
        return String(decoding: UnsafeBufferPointer(start: base + start, count: end - start), as: UTF8.self)
    }

    // MARK: - /proc

    /// The first `vendor_id : GenuineIntel` of /proc/cpuinfo.
    static func cpuVendor(in bytes: [UInt8]) -> String? {
        for line in InventoryText.lines(bytes) {
            guard line.hasPrefix("vendor_id"), let colon = line.firstIndex(of: ":") else { continue }
            guard InventoryText.trim(line[..<colon]) == "vendor_id" else { continue }
            let value = InventoryText.trim(line[line.index(after: colon)...])
            return value.isEmpty ? nil : String(value)
        }
        return nil
    }

    // MARK: - Resource mappings

    /// `etc/pve/mapping/pci.cfg` or `usb.cfg`, read as Proxmox's section config reads them: a section starts with a
    /// line holding only its ID (no type, unlike other section configs) and runs to the next empty line; its
    /// properties are indented `key value` lines; `map` may repeat, its value a property string such as
    /// `node=pve1,path=0000:01:00.0,id=8086:10fb,iommugroup=12`. Comment lines (`#`) are skipped anywhere.
    /// A bad line or map value is a problem naming file and line, and is left out; a section left without any
    /// usable `map` is left out too (Proxmox requires one).
    static func parseMappings(_ bytes: [UInt8], kind: DeviceMapping.Kind, file: String,
                              problems: inout [String]) -> [DeviceMapping] {
        var mappings: [DeviceMapping] = []
        var indexByID: [String: Int] = [:]
        var current: DeviceMapping?
        var currentLine = 0
        var skipping = false  // inside a section whose header was refused
        var seenKeys: Set<String> = []
        var problemCount = 0
        func problem(_ line: Int, _ text: String) {
            problemCount += 1
            if problemCount <= 20 {
                problems.append("\(file): line \(line): \(text)")
            } else if problemCount == 21 {
                problems.append("\(file): more lines could not be understood and were ignored")
            }
        }
        var tooMany = false
        func finish() {
            defer { current = nil; skipping = false; seenKeys = [] }
            guard let mapping = current else { return }
            if mapping.entries.isEmpty {
                problem(currentLine, "mapping '\(InventoryText.excerpt(Substring(mapping.id)))' has no usable 'map' line; ignored")
                return
            }
            if let index = indexByID[mapping.id] {
                problem(currentLine, "mapping '\(InventoryText.excerpt(Substring(mapping.id)))' is defined again; the later one counts")
                mappings[index] = mapping
                return
            }
            if mappings.count == maxMappingSections {
                if !tooMany { problems.append("\(file): more than \(maxMappingSections) mappings; the rest are ignored") }
                tooMany = true
                return
            }
            indexByID[mapping.id] = mappings.count
            mappings.append(mapping)
        }

        for (offset, rawLine) in InventoryText.lines(bytes).enumerated() {
            let number = offset + 1
            let line = rawLine.last == "\r" ? rawLine.dropLast() : rawLine
            if InventoryText.trim(line).first == "#" { continue }
            if line.isEmpty {
                finish()
                continue
            }
            let inSection = current != nil || skipping
            if !inSection {
                let trimmed = InventoryText.trim(line)
                if trimmed.isEmpty { continue }
                guard let first = line.first, !InventoryText.isBlank(first), !trimmed.contains(where: InventoryText.isBlank) else {
                    problem(number, "'\(InventoryText.excerpt(line))' is not a mapping ID on its own line; ignored")
                    continue
                }
                currentLine = number
                let id = String(trimmed)
                if isConfigID(id) {
                    current = DeviceMapping(id: id, kind: kind)
                } else {
                    problem(number, "'\(InventoryText.excerpt(trimmed))' is not a valid mapping ID; its section is ignored")
                    skipping = true
                }
                continue
            }
            if skipping { continue }
            guard let first = line.first, InventoryText.isBlank(first) else {
                problem(number, "'\(InventoryText.excerpt(line))' is not an indented 'key value' line (sections end with an empty line); ignored")
                continue
            }
            let (key, value) = InventoryText.firstWord(line)
            if key.isEmpty { continue }  // only blanks
            let id = current?.id ?? ""
            switch (String(key), kind) {
            case ("map", _):
                switch parseMapEntry(value, kind: kind) {
                case .success(let entry): current?.entries.append(entry)
                case .failure(let error): problem(number, "map of '\(InventoryText.excerpt(Substring(id)))': \(error.text); ignored")
                }
            case ("description", _):
                guard seenKeys.insert("description").inserted else {
                    problem(number, "'description' of '\(InventoryText.excerpt(Substring(id)))' is given twice; ignored")
                    continue
                }
                guard value.utf8.count <= 4096 else {
                    problem(number, "'description' of '\(InventoryText.excerpt(Substring(id)))' is longer than 4096 characters; ignored")
                    continue
                }
                current?.description = String(value)
            case ("mdev", .pci), ("live-migration-capable", .pci):
                guard seenKeys.insert(String(key)).inserted else {
                    problem(number, "'\(key)' of '\(InventoryText.excerpt(Substring(id)))' is given twice; ignored")
                    continue
                }
                guard let flag = booleanValue(value) else {
                    problem(number, "'\(key)' of '\(InventoryText.excerpt(Substring(id)))' is '\(InventoryText.excerpt(value))', not 0 or 1; ignored")
                    continue
                }
                if key == "mdev" { current?.mdev = flag } else { current?.liveMigrationCapable = flag }
            default:
                problem(number, "unknown key '\(InventoryText.excerpt(key))' in mapping '\(InventoryText.excerpt(Substring(id)))'; ignored")
            }
        }
        finish()
        return mappings
    }

    struct MapError: Error, Equatable {
        var text: String
    }

    /// A `map` property string. PCI: `node`, `path`, `id` required; `iommugroup`, `subsystem-id`, `description`
    /// optional. USB: `node`, `id` required; `path`, `description` optional. Unknown or repeated keys are errors,
    /// as in Proxmox's property strings (which split on every comma: values cannot hold one).
    static func parseMapEntry(_ text: Substring, kind: DeviceMapping.Kind) -> Result<DeviceMapping.Entry, MapError> {
        var values: [String: String] = [:]
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            if InventoryText.trim(part).isEmpty { continue }
            guard let equals = part.firstIndex(of: "="), equals != part.startIndex,
                  part.index(after: equals) != part.endIndex else {
                return .failure(MapError(text: "'\(InventoryText.excerpt(part))' is not a key=value pair"))
            }
            let key = String(part[..<equals])
            let value = String(part[part.index(after: equals)...])
            let known: Set<String> = kind == .pci
                ? ["node", "path", "id", "iommugroup", "subsystem-id", "description"]
                : ["node", "path", "id", "description"]
            guard known.contains(key) else {
                return .failure(MapError(text: "unknown key '\(InventoryText.excerpt(Substring(key)))'"))
            }
            guard values[key] == nil else {
                return .failure(MapError(text: "key '\(key)' is given twice"))
            }
            values[key] = value
        }
        guard let node = values["node"] else { return .failure(MapError(text: "'node' is missing")) }
        guard isNodeName(node) else {
            return .failure(MapError(text: "node '\(InventoryText.excerpt(Substring(node)))' is not a valid node name"))
        }
        guard let id = values["id"] else { return .failure(MapError(text: "'id' is missing")) }
        guard isVendorDeviceID(id) else {
            return .failure(MapError(text: "id '\(InventoryText.excerpt(Substring(id)))' is not VENDOR:DEVICE in hex"))
        }
        var entry = DeviceMapping.Entry(node: node, id: id.lowercased())
        if let path = values["path"] {
            let valid = kind == .pci ? isPCIMappingPath(path) : usbPortPath(path) != nil
            guard valid else {
                return .failure(MapError(text: "path '\(InventoryText.excerpt(Substring(path)))' is not a \(kind == .pci ? "PCI address" : "USB bus-port")"))
            }
            entry.path = path
        } else if kind == .pci {
            return .failure(MapError(text: "'path' is missing"))
        }
        if let group = values["iommugroup"] {
            guard let number = Int(group), number >= 0 else {
                return .failure(MapError(text: "iommugroup '\(InventoryText.excerpt(Substring(group)))' is not a number"))
            }
            entry.iommuGroup = number
        }
        if let subsystem = values["subsystem-id"] {
            guard isVendorDeviceID(subsystem) else {
                return .failure(MapError(text: "subsystem-id '\(InventoryText.excerpt(Substring(subsystem)))' is not VENDOR:DEVICE in hex"))
            }
            entry.subsystemID = subsystem.lowercased()
        }
        return .success(entry)
    }

    /// Proxmox's configuration ID: a letter, then at least one letter, digit, "-" or "_".
    static func isConfigID(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 2, isASCIILetter(bytes[0]) else { return false }
        return bytes.dropFirst().allSatisfy { isASCIILetter($0) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x5F }
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    /// A node name: letters, digits and inner hyphens.
    static func isNodeName(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, let last = bytes.last, first != 0x2D, last != 0x2D else { return false }
        return bytes.allSatisfy { isASCIILetter($0) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }

    /// "8086:10fb" (either case).
    static func isVendorDeviceID(_ text: String) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { $0.count == 4 && $0.allSatisfy { $0.isASCII && $0.isHexDigit } }
    }

    /// One or more `0000:01:00.0` / `0000:01:00` separated by ";" (lower-case hex, as Proxmox's pattern has it).
    static func isPCIMappingPath(_ text: String) -> Bool {
        let items = text.split(separator: ";", omittingEmptySubsequences: false)
        return !items.isEmpty && items.allSatisfy { item in
            isPCIAddress(String(item)) || isPCIAddress(item + ".0") && !item.contains(".")
        }
    }

    /// Proxmox's boolean spellings.
    static func booleanValue(_ text: Substring) -> Bool? {
        switch text.lowercased() {
        case "1", "on", "yes", "true": return true
        case "0", "off", "no", "false": return false
        default: return nil
        }
    }

    // MARK: - Host network use

    struct InterfaceStanza: Equatable {
        var addresses: [String] = []
        var dhcp = false
        var isBridge = false
        var ports: [String] = []
        var slaves: [String] = []
        var vlanRawDevice: String?
        var ovsBridge: String?
    }

    /// The iface stanzas of `/etc/network/interfaces` (ifupdown2 syntax), with what says whether an interface
    /// carries the node's network: addresses, DHCP, bridge ports, bond slaves, VLAN parents, OVS bridges.
    /// `source` lines are not followed.
    static func parseInterfaces(_ bytes: [UInt8], file: String, problems: inout [String]) -> [String: InterfaceStanza] {
        var stanzas: [String: InterfaceStanza] = [:]
        var current: String?
        var tooMany = false
        for rawLine in InventoryText.lines(bytes) {
            let line = InventoryText.trim(rawLine)
            if line.isEmpty || line.first == "#" { continue }
            let (word, rest) = InventoryText.firstWord(line)
            switch word {
            case "iface":
                let words = rest.split(whereSeparator: InventoryText.isBlank)
                guard let name = words.first.map(String.init) else {
                    current = nil
                    continue
                }
                if stanzas[name] == nil {
                    guard stanzas.count < maxInterfaceStanzas else {
                        if !tooMany { problems.append("\(file): more than \(maxInterfaceStanzas) interfaces; the rest are ignored") }
                        tooMany = true
                        current = nil
                        continue
                    }
                    stanzas[name] = InterfaceStanza()
                }
                current = name
                // iface NAME inet dhcp / inet6 dhcp / inet6 auto (SLAAC)
                if words.count >= 3, words[2] == "dhcp" || (words[1] == "inet6" && words[2] == "auto") {
                    stanzas[name]?.dhcp = true
                }
            case "auto", "mapping", "source", "source-directory", "source-dir", "rename":
                current = nil
            case _ where word.hasPrefix("allow-"):
                current = nil
            default:
                guard let name = current else { continue }
                let values = rest.split(whereSeparator: InventoryText.isBlank).map(String.init)
                switch word {
                case "address":
                    if let address = values.first { stanzas[name]?.addresses.append(address) }
                case "bridge-ports", "bridge_ports":
                    stanzas[name]?.isBridge = true
                    stanzas[name]?.ports.append(contentsOf: values.filter { $0 != "none" })
                case "ovs_type":
                    if values.first?.caseInsensitiveCompare("OVSBridge") == .orderedSame { stanzas[name]?.isBridge = true }
                case "ovs_ports":
                    stanzas[name]?.ports.append(contentsOf: values)
                case "ovs_bridge":
                    stanzas[name]?.ovsBridge = values.first
                case "bond-slaves", "bond_slaves", "slaves", "ovs_bonds":
                    stanzas[name]?.slaves.append(contentsOf: values.filter { $0 != "none" })
                case "vlan-raw-device", "vlan_raw_device":
                    stanzas[name]?.vlanRawDevice = values.first
                default: break
                }
            }
        }
        return stanzas
    }

    /// Every interface that carries the node's network according to the stanzas: it has an address (or DHCP), or
    /// something on top of it does (a bridge it is a port of, a bond it is a slave of, a VLAN on it), or it is a
    /// bridge port at all (the bridge's guests lose their network with it). Bridges themselves are not listed.
    static func hostNetworkUse(_ stanzas: [String: InterfaceStanza]) -> [String: HostNetworkUse] {
        // What sits on top of each interface.
        var uppers: [String: [String]] = [:]
        func link(_ lower: String, _ upper: String) {
            guard lower != upper, !(uppers[lower]?.contains(upper) ?? false) else { return }
            uppers[lower, default: []].append(upper)
        }
        for (name, stanza) in stanzas.sorted(by: { $0.key < $1.key }) {
            for port in stanza.ports { link(port, name) }
            for slave in stanza.slaves { link(slave, name) }
            if let bridge = stanza.ovsBridge { link(name, bridge) }
            if let raw = stanza.vlanRawDevice {
                link(raw, name)
            } else if let dot = name.lastIndex(of: "."), dot != name.startIndex,
                      name[name.index(after: dot)...].allSatisfy(\.isNumber), name.index(after: dot) != name.endIndex {
                link(String(name[..<dot]), name)
            }
        }
        func addresses(of name: String) -> [String] {
            guard let stanza = stanzas[name] else { return [] }
            return stanza.addresses + (stanza.dhcp && stanza.addresses.isEmpty ? ["dhcp"] : [])
        }
        func isBridge(_ name: String) -> Bool { stanzas[name]?.isBridge ?? false }

        var result: [String: HostNetworkUse] = [:]
        let candidates = Set(stanzas.keys).union(uppers.keys)
        for name in candidates where name != "lo" && !isBridge(name) {
            var use = HostNetworkUse(interface: name, addresses: addresses(of: name))
            var carries = !use.addresses.isEmpty
            // Walk up (bond -> bridge, VLAN -> bridge …), bounded, each interface once.
            var queue = uppers[name] ?? []
            var seen: Set<String> = [name]
            var steps = 0
            while !queue.isEmpty, steps < 64 {
                steps += 1
                let upper = queue.removeFirst()
                guard seen.insert(upper).inserted else { continue }
                let upperAddresses = addresses(of: upper)
                if isBridge(upper) {
                    carries = true
                    if use.bridge == nil { use.bridge = upper }
                }
                if !upperAddresses.isEmpty { carries = true }
                for address in upperAddresses where !use.addresses.contains(address) { use.addresses.append(address) }
                queue.append(contentsOf: uppers[upper] ?? [])
            }
            if carries { result[name] = use }
        }
        return result
    }

    /// A second source: `sys/class/net/<if>/master`, the bridge (or bond) the kernel has the interface in right
    /// now, for the PCI devices' interfaces. Fills in what the interfaces file does not say.
    static func addRuntimeBridgePorts(_ use: inout [String: HostNetworkUse], interfaces: [String],
                                      stanzas: [String: InterfaceStanza], reader: inout Reader) {
        for name in interfaces where use[name]?.bridge == nil {
            guard let master = reader.linkName(classNetPath + "/" + name + "/master") else { continue }
            var bridge: String?
            if isRuntimeBridge(master, reader) {
                bridge = master
            } else if InventoryFiles.exists(reader.path(classNetPath + "/" + master + "/bonding")),
                      let upper = reader.linkName(classNetPath + "/" + master + "/master"), isRuntimeBridge(upper, reader) {
                bridge = upper
            }
            var entry = use[name] ?? HostNetworkUse(interface: name)
            entry.bridge = bridge
            if let bridge, let stanza = stanzas[bridge] {
                let more = stanza.addresses + (stanza.dhcp && stanza.addresses.isEmpty ? ["dhcp"] : [])
                for address in more where !entry.addresses.contains(address) { entry.addresses.append(address) }
            }
            use[name] = entry
        }
    }

    private static func isRuntimeBridge(_ name: String, _ reader: Reader) -> Bool {
        InventoryFiles.exists(reader.path(classNetPath + "/" + name + "/bridge"))
    }
}
