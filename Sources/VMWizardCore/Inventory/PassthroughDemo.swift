import VMWizardPlatform

extension PassthroughInventory {
    /// What the demo host `pve` offers for passthrough: the same devices as the test fixture (an Intel iGPU with
    /// GVT-g types, the onboard NIC that carries vmbr0, a free two-port 10 GbE card, an NVIDIA GPU with its HDMI
    /// audio, an ASMedia USB controller without an IOMMU group), two USB devices and three mappings.
    public static let demo: PassthroughInventory = {
        let node = "pve"
        let intel = "Intel Corporation", nvidia = "NVIDIA Corporation"
        let pci = [
            PCIDevice(
                address: "0000:00:02.0", vendorID: "8086", deviceID: "3e92",
                subsystemVendorID: "1028", subsystemDeviceID: "0869", classCode: "030000",
                vendorName: intel, deviceName: "CoffeeLake-S GT2 [UHD Graphics 630]", iommuGroup: 0, driver: "i915",
                mdevTypes: [
                    MediatedDeviceType(
                        id: "i915-GVTg_V5_4", name: "GVTg_V5_4",
                        description: "low_gm_size: 128MB\nhigh_gm_size: 512MB\nfence: 4\nresolution: 1920x1200\nweight: 4",
                        availableInstances: 1
                    ),
                    MediatedDeviceType(
                        id: "i915-GVTg_V5_8", name: "GVTg_V5_8",
                        description: "low_gm_size: 64MB\nhigh_gm_size: 384MB\nfence: 4\nresolution: 1024x768\nweight: 2",
                        availableInstances: 2
                    ),
                ]
            ),
            PCIDevice(
                address: "0000:00:1f.6", vendorID: "8086", deviceID: "15bb",
                subsystemVendorID: "1028", subsystemDeviceID: "0869", classCode: "020000",
                vendorName: intel, deviceName: "Ethernet Connection (7) I219-LM", iommuGroup: 7, driver: "e1000e",
                netInterfaces: ["eno1"]
            ),
            PCIDevice(
                address: "0000:01:00.0", vendorID: "8086", deviceID: "10fb",
                subsystemVendorID: "8086", subsystemDeviceID: "000c", classCode: "020000",
                vendorName: intel, deviceName: "82599ES 10-Gigabit SFI/SFP+ Network Connection", iommuGroup: 12,
                driver: "ixgbe", netInterfaces: ["enp1s0f0"], isExpress: true
            ),
            PCIDevice(
                address: "0000:01:00.1", vendorID: "8086", deviceID: "10fb",
                subsystemVendorID: "8086", subsystemDeviceID: "000c", classCode: "020000",
                vendorName: intel, deviceName: "82599ES 10-Gigabit SFI/SFP+ Network Connection", iommuGroup: 12,
                driver: "ixgbe", netInterfaces: ["enp1s0f1"], isExpress: true
            ),
            PCIDevice(
                address: "0000:02:00.0", vendorID: "10de", deviceID: "1b80",
                subsystemVendorID: "1043", subsystemDeviceID: "8599", classCode: "030000",
                vendorName: nvidia, deviceName: "GP104 [GeForce GTX 1080]", iommuGroup: 13, driver: "vfio-pci",
                isExpress: true
            ),
            PCIDevice(
                address: "0000:02:00.1", vendorID: "10de", deviceID: "10f0",
                subsystemVendorID: "1043", subsystemDeviceID: "8599", classCode: "040300",
                vendorName: nvidia, deviceName: "GP104 High Definition Audio Controller", iommuGroup: 13,
                driver: "snd_hda_intel", isExpress: true
            ),
            PCIDevice(
                address: "0000:03:00.0", vendorID: "1b21", deviceID: "1242",
                subsystemVendorID: "1043", subsystemDeviceID: "8675", classCode: "0c0330",
                vendorName: "ASMedia Technology Inc.", deviceName: "ASM1142 USB 3.1 Host Controller",
                driver: "xhci_hcd", isExpress: true
            ),
        ]
        let usb = [
            USBDevice(
                busPort: "1-2", busNumber: 1, deviceNumber: 3, vendorID: "046d", productID: "c52b",
                manufacturer: "Logitech", product: "USB Receiver", vendorName: "Logitech, Inc.",
                productName: "Unifying Receiver", speed: "12"
            ),
            USBDevice(
                busPort: "2-1", busNumber: 2, deviceNumber: 2, vendorID: "0781", productID: "5583",
                manufacturer: "SanDisk", product: "Ultra Fit", vendorName: "SanDisk Corp.",
                productName: "Ultra Fit", speed: "5000"
            ),
        ]
        let pciMappings = [
            DeviceMapping(
                id: "gpu-nvidia", kind: .pci, description: "Render GPU",
                entries: [.init(node: node, path: "0000:02:00.0", id: "10de:1b80", iommuGroup: 13)]
            ),
            DeviceMapping(
                id: "nic-10g", kind: .pci,
                entries: [
                    .init(node: node, path: "0000:01:00.0", id: "8086:10fb", iommuGroup: 12),
                    .init(node: "pve2", path: "0000:41:00.0", id: "8086:10fb", iommuGroup: 30),
                ]
            ),
        ]
        let usbMappings = [
            DeviceMapping(id: "ups", kind: .usb, entries: [.init(node: node, id: "051d:0002")]),
        ]
        return PassthroughInventory(
            nodeName: node, pciDevices: pci, usbDevices: usb, pciMappings: pciMappings, usbMappings: usbMappings,
            iommuGroupsPresent: true,
            kernelCommandLine: "BOOT_IMAGE=/boot/vmlinuz-6.8.12-4-pve root=/dev/mapper/pve-root ro quiet intel_iommu=on iommu=pt",
            cpuVendor: "GenuineIntel",
            hostNetworkUse: ["eno1": HostNetworkUse(interface: "eno1", bridge: "vmbr0", addresses: ["192.168.1.10/24"])]
        )
    }()
}
