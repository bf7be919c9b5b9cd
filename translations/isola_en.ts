<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CommandLineText</name>
    <message>
        <source>Shows a Linux host&apos;s PCI devices grouped by IOMMU group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read sysfs from &lt;dir&gt; instead of /sys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read procfs from &lt;dir&gt; instead of /proc.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open an Isola snapshot &lt;file&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a pasted IOMMU/lspci listing &lt;file&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the bundled demo host &lt;name&gt;; &quot;list&quot; prints the names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give only one of --sysfs-root/--proc-root, --snapshot, --import and --demo.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FactText</name>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown — %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GraphCard</name>
    <message>
        <source>root port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>switch upstream port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>switch downstream port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PCIe-to-PCI bridge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PCI-to-PCIe bridge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bridge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>driver unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no driver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mounted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>swap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LVM/RAID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>link up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>display in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keyboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Root complex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>domain %1, bus %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n virtual function(s)</source>
        <translation>
            <numerusform>%n virtual function</numerusform>
            <numerusform>%n virtual functions</numerusform>
        </translation>
    </message>
    <message>
        <source>drivers: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IOMMU group %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no IOMMU group</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HostUseText</name>
    <message>
        <source>network %1 (default route)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>network %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>storage %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>storage %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>display (console)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>display %1 (console)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>display %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keyboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>USB: %n device(s)</source>
        <translation>
            <numerusform>USB: %n device</numerusform>
            <numerusform>USB: %n devices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>USB: %1 and %n other device(s)</source>
        <translation>
            <numerusform>USB: %1 and %n other device</numerusform>
            <numerusform>USB: %1 and %n other devices</numerusform>
        </translation>
    </message>
    <message>
        <source>USB: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sound %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>network interface %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, IPv4 default route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, IPv6 default route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>block device %1, not mounted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>block device %1, mounted at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (root file system)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DRM card %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>boot framebuffer / text console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>USB %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (keyboard)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (mouse)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sound %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>storage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>display</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>USB devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sound</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SaveFile</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>isola::gui::DeviceDetails</name>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 [%2]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no ACS capability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>capability %1, control %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device facts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a device to see everything Isola knows about it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subsystem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programming interface</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IOMMU and drivers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IOMMU group</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n device(s))</source>
        <translation>
            <numerusform>%1 (%n device)</numerusform>
            <numerusform>%1 (%n devices)</numerusform>
        </translation>
    </message>
    <message>
        <source>Group type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No-IOMMU group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes — no DMA isolation at all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Driver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none bound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Driver override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VFIO device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset methods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none — the device cannot be reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boot VGA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NUMA node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Header type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>normal (0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bridge (1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CardBus (2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multifunction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ACS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum link speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum link width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bus tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upstream bridge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (root bus)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the source does not describe the bus tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SR-IOV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Physical function</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Virtual functions enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Virtual functions possible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Virtual functions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used by the host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not known: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <comment>no IOMMU group</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <comment>no driver override</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <comment>no VFIO device</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <comment>no NUMA node</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why are these devices in one group?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kernel&apos;s grouping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Read Full Configuration Space…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>This group&apos;s explanation needs ACS and PCIe facts that only root can read, from %n function(s): %1. Isola&apos;s helper can read their full configuration space; an administrator&apos;s password is asked once per session.</source>
        <translation>
            <numerusform>This group&apos;s explanation needs ACS and PCIe facts that only root can read, from %n function: %1. Isola&apos;s helper can read their full configuration space; an administrator&apos;s password is asked once per session.</numerusform>
            <numerusform>This group&apos;s explanation needs ACS and PCIe facts that only root can read, from %n functions: %1. Isola&apos;s helper can read their full configuration space; an administrator&apos;s password is asked once per session.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>isola::gui::ExportDialog</name>
    <message>
        <source>libvirt domain XML (&lt;hostdev&gt;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QEMU command line (-device vfio-pci)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxmox VE (hostpciN lines)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloud Hypervisor (--device)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kernel command line (vfio-pci.ids)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>modprobe.d (options vfio-pci ids)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>driverctl (by address)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>libvirt &amp;manages the host driver (managed=&apos;yes&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;iommufd backend instead of the VFIO container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the option &amp;ROM (rombar=0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Primary &amp;GPU with legacy VGA (x-vga)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export VM Configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save VM Configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is nothing to save: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>isola::gui::GraphLegend</name>
    <message>
        <source>on host drivers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>viable: free for VFIO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mixed: partly on vfio-pci</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in use by the host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no-IOMMU: no isolation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IOMMU groups</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>isola::gui::GraphPanel</name>
    <message>
        <source>Zoom In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide Bridges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave out root ports and switches: each device hangs from its root complex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every VF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw every SR-IOV virtual function instead of one card per physical function (double-click a card to expand one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laying out…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n card(s)</source>
        <translation>
            <numerusform>%n card</numerusform>
            <numerusform>%n cards</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>isola::gui::GraphView</name>
    <message>
        <source>PCI and IOMMU group graph</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>isola::gui::HelperChanges</name>
    <message>
        <source>write %1: %2 → %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>isola::gui::HostChangesPanel</name>
    <message>
        <source>&amp;Restore All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unpersist All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What Isola changed on this host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return every device Isola moved to its own driver, through Isola&apos;s helper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove every boot-time binding Isola made, through Isola&apos;s helper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This source describes another machine: Isola changes nothing on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Put Back Interrupted Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return what the interrupted change touched to how it was, and nothing else, through Isola&apos;s helper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put Back Interrupted Change returns what it touched to how it was; any other change through the helper puts it back first, too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A change of the boot-time binding was interrupted; Put Back Interrupted Change puts its files back, as Unpersist All and Persist do first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>isola::gui::MainWindow</name>
    <message>
        <source>Device filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices by IOMMU group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Listing or Snapshot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Demo Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Isola</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a Demo Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading this host…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo host %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This host</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n IOMMU group(s)</source>
        <translation>
            <numerusform>%n IOMMU group</numerusform>
            <numerusform>%n IOMMU groups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n device(s)</source>
        <translation>
            <numerusform>%n device</numerusform>
            <numerusform>%n devices</numerusform>
        </translation>
    </message>
    <message>
        <source>Demo host: %1 — not this machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listing %1 — not this machine. A listing lacks most facts; they are shown as unknown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snapshot %1 — not necessarily this machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This host has no IOMMU groups, so no device can be passed through with VFIO. Enable VT-d (Intel) or AMD-Vi (AMD) in the firmware setup and boot with intel_iommu=on on Intel systems; inside a virtual machine, give the VM a virtual IOMMU first. Meanwhile you can explore a demo host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This source has no IOMMU groups: either its IOMMU was off, or the listing does not include them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Listing or Snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Isola snapshots (*.json);;Text listings (*.txt *.log);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Isola</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Isola %1&lt;/h3&gt;&lt;p&gt;Shows a Linux host&apos;s PCI devices and IOMMU groups, so you see before passthrough what else goes with a device.&lt;/p&gt;&lt;p&gt;License: GPL-2.0-or-later&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find by address, name, vendor:device or driver (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add Selected Device to Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a device first, in the graph or the table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Isola cannot follow this host&apos;s device changes (%1); use Reload.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paste Listing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clipboard holds no text to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save Snapshot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Isola snapshots (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export Graph…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG picture (*.svg);;PNG image (*.png);;Graphviz DOT (*.dot)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pasted text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot tell the picture format of %1: name it .svg, .png or .dot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A demo host, a snapshot or a listing describes another machine and cannot be changed from here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export VM Configuration…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a device to the plan first: the export is for the plan&apos;s devices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Changes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>isola::gui::MessageBanner</name>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>isola::gui::PlanPanel</name>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. win11</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VM name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>legacy (VFIO container)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>iommufd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VFIO backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices chosen for the VM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;VM name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Backend:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices for the VM:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a device in the graph or the table and add it to the plan (Ctrl+Return): Isola shows everything its IOMMU group takes along, before anything changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the VM: the plan speaks of it as &quot;%1&quot; until you do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: nothing would be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs your confirmation before it can be applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>taken along by its group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IOMMU group %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fingerprint %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready to apply: nothing here needs your confirmation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;robe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Persi&amp;st</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Res&amp;tore All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand the whole groups to vfio-pci now, through Isola&apos;s helper (asks for authentication)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the first device&apos;s group as a VM start would, and close it again; changes nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bind the whole groups to vfio-pci at every boot, by address (driverctl or Isola&apos;s udev rule)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return every device Isola moved to its own driver, through Isola&apos;s helper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the helper said</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm the Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applying this plan needs your confirmation of:

• %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Isola&apos;s Helper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped waiting for the helper. What it already changed is journaled; isolactl status says what it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for authentication and the helper…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The VM configuration for these devices: libvirt, QEMU, Proxmox and more</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>isola::gui::ReviewPanel</name>
    <message>
        <source>blocker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;HTML Report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML files (*.html)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n blocker(s)</source>
        <translation>
            <numerusform>%n blocker</numerusform>
            <numerusform>%n blockers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to confirm</source>
        <translation>
            <numerusform>%n to confirm</numerusform>
            <numerusform>%n to confirm</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
    <message>
        <source>The review is not ready yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>isola::gui::TopologyModel</name>
    <message>
        <source>Class %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>No IOMMU group — %n device(s)</source>
        <translation>
            <numerusform>No IOMMU group — %n device</numerusform>
            <numerusform>No IOMMU group — %n devices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>IOMMU group %1 — %n device(s)</source>
        <translation>
            <numerusform>IOMMU group %1 — %n device</numerusform>
            <numerusform>IOMMU group %1 — %n devices</numerusform>
        </translation>
    </message>
    <message>
        <source>These devices are in no IOMMU group, so VFIO cannot isolate them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A VFIO no-IOMMU group: the device is not isolated at all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default domain type: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 [%2:%3]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Driver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host use</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
