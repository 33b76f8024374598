import Testing
@testable import VMWizardCore

/// The guest vIOMMU (`machine: …,viommu=…,aw-bits=…`), as the web UI's Machine dialog sets it and as Proxmox
/// prints it: the type first, then the options sorted (Proxmox re-prints the machine on every create). The
/// seeded corpus checks these against Proxmox's own code (scripts/pve-exactness.py).
@Suite struct VIOMMUTests {
    static func model(_ values: [(FieldID, String)], ostype: String = "l26") -> VMModel {
        var model = VMModel(host: TestHosts.standard)
        model.set(.media, to: "none")
        model.set(.ostype, to: ostype)
        for (id, value) in values { model.set(id, to: value) }
        return model
    }

    @Test func theMachineCarriesTheVIOMMUInProxmoxsOrder() {
        #expect(PVEParameters.machine(Self.model([(.machine, "q35"), (.viommu, "intel"), (.awBits, "48")])) == "q35,aw-bits=48,viommu=intel")
        #expect(PVEParameters.machine(Self.model([(.viommu, "virtio")])) == "viommu=virtio", "no type: Proxmox's default machine")
        #expect(PVEParameters.machine(Self.model([(.machine, "q35")])) == "q35")
        // A Windows guest's machine is pinned to the node's QEMU on create, options kept.
        var windows = Self.model([(.viommu, "virtio")], ostype: "win10")
        windows.host.qemuVersion = "10.0.2"
        #expect(ConfigFile.render(windows).contains("machine: pc-i440fx-10.0+pve1,viommu=virtio\n"))
    }

    @Test func proxmoxsVIOMMURulesAreKept() throws {
        let i440fx = Self.model([(.viommu, "intel")])
        #expect(try #require(i440fx.issue(.viommu)).message.contains("needs the q35 machine"))
        #expect(!OptionCatalog.spec(.viommu)!.choices(i440fx.context(item: nil)).map(\.value).contains("intel"))
        let bits = Self.model([(.machine, "q35"), (.viommu, "intel"), (.awBits, "40")])
        #expect(try #require(bits.issue(.awBits)).message.contains("39 or 48"))
        #expect(Self.model([(.machine, "q35"), (.viommu, "virtio"), (.awBits, "40")]).issue(.awBits) == nil)
        #expect(Self.model([(.viommu, "virtio"), (.awBits, "65")]).issue(.awBits)?.isError == true)
        #expect(!Self.model([(.awBits, "48")]).isActive(.awBits), "address bits only with a vIOMMU")
    }

    @Test func answersFilesTakeTheMachineOptions() {
        func problems(_ machine: String) -> [String] {
            switch Answers.parse(text: #"{"ide2": "none,media=cdrom", "machine": "\#(machine)"}"#, host: TestHosts.standard) {
            case .success: return []
            case .failure(let problems): return problems.map(\.description)
            }
        }
        #expect(problems("q35,viommu=intel,aw-bits=39").isEmpty)
        #expect(problems("q35,aw-bits=48") == ["key 'machine': machine: aw-bits needs a viommu (Proxmox refuses aw-bits without a vIOMMU)"])
        #expect(problems("q35,viommu=amd") == ["key 'machine': machine: viommu must be intel or virtio, not 'amd'"])
        #expect(problems("pc,viommu=intel").first?.contains("needs the q35 machine") == true)
    }
}
