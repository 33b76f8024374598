import VMWizardPlatform
import VMWizardCore

/// Picks the host to work on: the node's files under `root`, or the demo host where no PVE is present.
enum HostSource {
    static func load(root: String, forceDemo: Bool, interactive: Bool) -> (host: HostInventory, note: Phrase?) {
        if forceDemo { return (HostInventory.demo, nil) }
        guard HostInventoryLoader.looksLikePVE(root: root) else {
            let place: Phrase = root == "/" ? "this machine" : .verbatim(root)
            return (HostInventory.demo, "No Proxmox VE found on \(place): using the built-in demo host (nothing is created).")
        }
        // The wizard lists ISO folders in the background; batch mode needs them before it validates.
        return (HostInventoryLoader.load(root: root, listLocalISOFolders: !interactive), nil)
    }
}
