<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>CommandLineText</name>
    <message>
        <source>Shows a Linux host&apos;s PCI devices grouped by IOMMU group.</source>
        <translation>Zeigt die PCI-Geräte eines Linux-Hosts nach IOMMU-Gruppen geordnet.</translation>
    </message>
    <message>
        <source>Read sysfs from &lt;dir&gt; instead of /sys.</source>
        <translation>sysfs aus &lt;verz&gt; statt aus /sys lesen.</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>verz</translation>
    </message>
    <message>
        <source>Read procfs from &lt;dir&gt; instead of /proc.</source>
        <translation>procfs aus &lt;verz&gt; statt aus /proc lesen.</translation>
    </message>
    <message>
        <source>Open an Isola snapshot &lt;file&gt;.</source>
        <translation>Einen Isola-Schnappschuss &lt;datei&gt; öffnen.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>datei</translation>
    </message>
    <message>
        <source>Open a pasted IOMMU/lspci listing &lt;file&gt;.</source>
        <translation>Eine eingefügte IOMMU-/lspci-Auflistung &lt;datei&gt; öffnen.</translation>
    </message>
    <message>
        <source>Open the bundled demo host &lt;name&gt;; &quot;list&quot; prints the names.</source>
        <translation>Den mitgelieferten Demo-Host &lt;name&gt; öffnen; „list“ gibt die Namen aus.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Unerwartetes Argument: %1</translation>
    </message>
    <message>
        <source>Give only one of --sysfs-root/--proc-root, --snapshot, --import and --demo.</source>
        <translation>Nur eine der Optionen --sysfs-root/--proc-root, --snapshot, --import und --demo angeben.</translation>
    </message>
</context>
<context>
    <name>FactText</name>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>unknown — %1</source>
        <translation>unbekannt — %1</translation>
    </message>
</context>
<context>
    <name>GraphCard</name>
    <message>
        <source>root port</source>
        <translation>Root Port</translation>
    </message>
    <message>
        <source>switch upstream port</source>
        <translation>Switch-Upstream-Port</translation>
    </message>
    <message>
        <source>switch downstream port</source>
        <translation>Switch-Downstream-Port</translation>
    </message>
    <message>
        <source>PCIe-to-PCI bridge</source>
        <translation>PCIe-zu-PCI-Brücke</translation>
    </message>
    <message>
        <source>PCI-to-PCIe bridge</source>
        <translation>PCI-zu-PCIe-Brücke</translation>
    </message>
    <message>
        <source>bridge</source>
        <translation>Brücke</translation>
    </message>
    <message>
        <source>driver unknown</source>
        <translation>Treiber unbekannt</translation>
    </message>
    <message>
        <source>no driver</source>
        <translation>kein Treiber</translation>
    </message>
    <message>
        <source>mounted</source>
        <translation>eingehängt</translation>
    </message>
    <message>
        <source>swap</source>
        <translation>Swap</translation>
    </message>
    <message>
        <source>LVM/RAID</source>
        <translation>LVM/RAID</translation>
    </message>
    <message>
        <source>default route</source>
        <translation>Standardroute</translation>
    </message>
    <message>
        <source>link up</source>
        <translation>Verbindung aktiv</translation>
    </message>
    <message>
        <source>console</source>
        <translation>Konsole</translation>
    </message>
    <message>
        <source>display in use</source>
        <translation>Anzeige in Gebrauch</translation>
    </message>
    <message>
        <source>keyboard</source>
        <translation>Tastatur</translation>
    </message>
    <message>
        <source>Root complex</source>
        <translation>Root Complex</translation>
    </message>
    <message>
        <source>domain %1, bus %2</source>
        <translation>Domäne %1, Bus %2</translation>
    </message>
    <message numerus="yes">
        <source>%n virtual function(s)</source>
        <translation>
            <numerusform>%n virtuelle Funktion</numerusform>
            <numerusform>%n virtuelle Funktionen</numerusform>
        </translation>
    </message>
    <message>
        <source>drivers: %1</source>
        <translation>Treiber: %1</translation>
    </message>
    <message>
        <source>IOMMU group %1</source>
        <translation>IOMMU-Gruppe %1</translation>
    </message>
    <message>
        <source>no IOMMU group</source>
        <translation>keine IOMMU-Gruppe</translation>
    </message>
</context>
<context>
    <name>HostUseText</name>
    <message>
        <source>network %1 (default route)</source>
        <translation>Netzwerk %1 (Standardroute)</translation>
    </message>
    <message>
        <source>network %1</source>
        <translation>Netzwerk %1</translation>
    </message>
    <message>
        <source>storage %1</source>
        <translation>Speicher %1</translation>
    </message>
    <message>
        <source>storage %1 — %2</source>
        <translation>Speicher %1 — %2</translation>
    </message>
    <message>
        <source>display (console)</source>
        <translation>Anzeige (Konsole)</translation>
    </message>
    <message>
        <source>display %1 (console)</source>
        <translation>Anzeige %1 (Konsole)</translation>
    </message>
    <message>
        <source>display %1</source>
        <translation>Anzeige %1</translation>
    </message>
    <message>
        <source>keyboard</source>
        <translation>Tastatur</translation>
    </message>
    <message>
        <source>mouse</source>
        <translation>Maus</translation>
    </message>
    <message numerus="yes">
        <source>USB: %n device(s)</source>
        <translation>
            <numerusform>USB: %n Gerät</numerusform>
            <numerusform>USB: %n Geräte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>USB: %1 and %n other device(s)</source>
        <translation>
            <numerusform>USB: %1 und %n weiteres Gerät</numerusform>
            <numerusform>USB: %1 und %n weitere Geräte</numerusform>
        </translation>
    </message>
    <message>
        <source>USB: %1</source>
        <translation>USB: %1</translation>
    </message>
    <message>
        <source>sound %1</source>
        <translation>Audio %1</translation>
    </message>
    <message>
        <source>network interface %1, %2</source>
        <translation>Netzwerkschnittstelle %1, %2</translation>
    </message>
    <message>
        <source>, IPv4 default route</source>
        <translation>, IPv4-Standardroute</translation>
    </message>
    <message>
        <source>, IPv6 default route</source>
        <translation>, IPv6-Standardroute</translation>
    </message>
    <message>
        <source>block device %1, not mounted</source>
        <translation>Blockgerät %1, nicht eingehängt</translation>
    </message>
    <message>
        <source>block device %1, mounted at %2</source>
        <translation>Blockgerät %1, eingehängt unter %2</translation>
    </message>
    <message>
        <source> (root file system)</source>
        <translation> (Wurzeldateisystem)</translation>
    </message>
    <message>
        <source>DRM card %1</source>
        <translation>DRM-Karte %1</translation>
    </message>
    <message>
        <source>boot framebuffer / text console</source>
        <translation>Boot-Framebuffer / Textkonsole</translation>
    </message>
    <message>
        <source>USB %1: %2</source>
        <translation>USB %1: %2</translation>
    </message>
    <message>
        <source> (keyboard)</source>
        <translation> (Tastatur)</translation>
    </message>
    <message>
        <source> (mouse)</source>
        <translation> (Maus)</translation>
    </message>
    <message>
        <source>sound %1: %2</source>
        <translation>Audio %1: %2</translation>
    </message>
    <message>
        <source>network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>storage</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>display</source>
        <translation>Anzeige</translation>
    </message>
    <message>
        <source>USB devices</source>
        <translation>USB-Geräte</translation>
    </message>
    <message>
        <source>sound</source>
        <translation>Audio</translation>
    </message>
</context>
<context>
    <name>SaveFile</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Kann %1 nicht schreiben: %2</translation>
    </message>
</context>
<context>
    <name>isola::gui::DeviceDetails</name>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>%1 [%2]</source>
        <translation>%1 [%2]</translation>
    </message>
    <message>
        <source>no ACS capability</source>
        <translation>keine ACS-Fähigkeit</translation>
    </message>
    <message>
        <source>capability %1, control %2 (%3)</source>
        <translation>Fähigkeit %1, Steuerung %2 (%3)</translation>
    </message>
    <message>
        <source>nothing enabled</source>
        <translation>nichts aktiviert</translation>
    </message>
    <message>
        <source>Fact</source>
        <translation>Angabe</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Device facts</source>
        <translation>Geräteangaben</translation>
    </message>
    <message>
        <source>Select a device to see everything Isola knows about it.</source>
        <translation>Wählen Sie ein Gerät, um alles zu sehen, was Isola darüber weiß.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identität</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>Hersteller</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Subsystem</source>
        <translation>Subsystem</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>Programming interface</source>
        <translation>Programmierschnittstelle</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>IOMMU and drivers</source>
        <translation>IOMMU und Treiber</translation>
    </message>
    <message>
        <source>IOMMU group</source>
        <translation>IOMMU-Gruppe</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n device(s))</source>
        <translation>
            <numerusform>%1 (%n Gerät)</numerusform>
            <numerusform>%1 (%n Geräte)</numerusform>
        </translation>
    </message>
    <message>
        <source>Group type</source>
        <translation>Gruppentyp</translation>
    </message>
    <message>
        <source>No-IOMMU group</source>
        <translation>No-IOMMU-Gruppe</translation>
    </message>
    <message>
        <source>yes — no DMA isolation at all</source>
        <translation>ja — keinerlei DMA-Isolierung</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>Treiber</translation>
    </message>
    <message>
        <source>none bound</source>
        <translation>keiner gebunden</translation>
    </message>
    <message>
        <source>Driver override</source>
        <translation>Treiber-Override</translation>
    </message>
    <message>
        <source>VFIO device</source>
        <translation>VFIO-Gerät</translation>
    </message>
    <message>
        <source>Reset methods</source>
        <translation>Reset-Methoden</translation>
    </message>
    <message>
        <source>none — the device cannot be reset</source>
        <translation>keine — das Gerät kann nicht zurückgesetzt werden</translation>
    </message>
    <message>
        <source>Boot VGA</source>
        <translation>Boot-VGA</translation>
    </message>
    <message>
        <source>NUMA node</source>
        <translation>NUMA-Knoten</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>Header type</source>
        <translation>Header-Typ</translation>
    </message>
    <message>
        <source>normal (0)</source>
        <translation>normal (0)</translation>
    </message>
    <message>
        <source>bridge (1)</source>
        <translation>Bridge (1)</translation>
    </message>
    <message>
        <source>CardBus (2)</source>
        <translation>CardBus (2)</translation>
    </message>
    <message>
        <source>Multifunction</source>
        <translation>Multifunktion</translation>
    </message>
    <message>
        <source>Port type</source>
        <translation>Port-Typ</translation>
    </message>
    <message>
        <source>ACS</source>
        <translation>ACS</translation>
    </message>
    <message>
        <source>Link speed</source>
        <translation>Link-Geschwindigkeit</translation>
    </message>
    <message>
        <source>Link width</source>
        <translation>Link-Breite</translation>
    </message>
    <message>
        <source>Maximum link speed</source>
        <translation>Maximale Link-Geschwindigkeit</translation>
    </message>
    <message>
        <source>Maximum link width</source>
        <translation>Maximale Link-Breite</translation>
    </message>
    <message>
        <source>Bus tree</source>
        <translation>Busbaum</translation>
    </message>
    <message>
        <source>Upstream bridge</source>
        <translation>Übergeordnete Bridge</translation>
    </message>
    <message>
        <source>none (root bus)</source>
        <translation>keine (Root-Bus)</translation>
    </message>
    <message>
        <source>the source does not describe the bus tree</source>
        <translation>die Quelle beschreibt den Busbaum nicht</translation>
    </message>
    <message>
        <source>Devices below</source>
        <translation>Geräte darunter</translation>
    </message>
    <message>
        <source>SR-IOV</source>
        <translation>SR-IOV</translation>
    </message>
    <message>
        <source>Physical function</source>
        <translation>Physische Funktion</translation>
    </message>
    <message>
        <source>Virtual functions enabled</source>
        <translation>Aktivierte virtuelle Funktionen</translation>
    </message>
    <message>
        <source>Virtual functions possible</source>
        <translation>Mögliche virtuelle Funktionen</translation>
    </message>
    <message>
        <source>Virtual functions</source>
        <translation>Virtuelle Funktionen</translation>
    </message>
    <message>
        <source>Host use</source>
        <translation>Nutzung durch den Host</translation>
    </message>
    <message>
        <source>Used by the host</source>
        <translation>Vom Host genutzt</translation>
    </message>
    <message>
        <source>not known: %1</source>
        <translation>nicht bekannt: %1</translation>
    </message>
    <message>
        <source>not in use</source>
        <translation>nicht genutzt</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>Diagnosen</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>none</source>
        <comment>no IOMMU group</comment>
        <translation>keine</translation>
    </message>
    <message>
        <source>none</source>
        <comment>no driver override</comment>
        <translation>keiner</translation>
    </message>
    <message>
        <source>none</source>
        <comment>no VFIO device</comment>
        <translation>keines</translation>
    </message>
    <message>
        <source>none</source>
        <comment>no NUMA node</comment>
        <translation>keiner</translation>
    </message>
    <message>
        <source>Why are these devices in one group?</source>
        <translation>Warum sind diese Geräte in einer Gruppe?</translation>
    </message>
    <message>
        <source>The kernel&apos;s grouping</source>
        <translation>Die Gruppierung des Kernels</translation>
    </message>
    <message>
        <source>&amp;Read Full Configuration Space…</source>
        <translation>Vollständigen Konfigurationsraum &amp;lesen…</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Wird gelesen…</translation>
    </message>
    <message numerus="yes">
        <source>This group&apos;s explanation needs ACS and PCIe facts that only root can read, from %n function(s): %1. Isola&apos;s helper can read their full configuration space; an administrator&apos;s password is asked once per session.</source>
        <translation>
            <numerusform>Die Erklärung dieser Gruppe braucht ACS- und PCIe-Angaben, die nur root lesen kann, von %n Funktion: %1. Isolas Helfer kann ihren vollständigen Konfigurationsraum lesen; nach dem Passwort eines Administrators wird einmal je Sitzung gefragt.</numerusform>
            <numerusform>Die Erklärung dieser Gruppe braucht ACS- und PCIe-Angaben, die nur root lesen kann, von %n Funktionen: %1. Isolas Helfer kann ihren vollständigen Konfigurationsraum lesen; nach dem Passwort eines Administrators wird einmal je Sitzung gefragt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>isola::gui::ExportDialog</name>
    <message>
        <source>libvirt domain XML (&lt;hostdev&gt;)</source>
        <translation>libvirt-Domain-XML (&lt;hostdev&gt;)</translation>
    </message>
    <message>
        <source>QEMU command line (-device vfio-pci)</source>
        <translation>QEMU-Befehlszeile (-device vfio-pci)</translation>
    </message>
    <message>
        <source>Proxmox VE (hostpciN lines)</source>
        <translation>Proxmox VE (hostpciN-Zeilen)</translation>
    </message>
    <message>
        <source>Cloud Hypervisor (--device)</source>
        <translation>Cloud Hypervisor (--device)</translation>
    </message>
    <message>
        <source>Kernel command line (vfio-pci.ids)</source>
        <translation>Kernel-Befehlszeile (vfio-pci.ids)</translation>
    </message>
    <message>
        <source>modprobe.d (options vfio-pci ids)</source>
        <translation>modprobe.d (options vfio-pci ids)</translation>
    </message>
    <message>
        <source>driverctl (by address)</source>
        <translation>driverctl (nach Adresse)</translation>
    </message>
    <message>
        <source>libvirt &amp;manages the host driver (managed=&apos;yes&apos;)</source>
        <translation>libvirt &amp;verwaltet den Host-Treiber (managed=&apos;yes&apos;)</translation>
    </message>
    <message>
        <source>&amp;iommufd backend instead of the VFIO container</source>
        <translation>&amp;iommufd-Backend statt des VFIO-Containers</translation>
    </message>
    <message>
        <source>Hide the option &amp;ROM (rombar=0)</source>
        <translation>Options-&amp;ROM verbergen (rombar=0)</translation>
    </message>
    <message>
        <source>Primary &amp;GPU with legacy VGA (x-vga)</source>
        <translation>Primäre &amp;GPU mit Legacy-VGA (x-vga)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Speichern …</translation>
    </message>
    <message>
        <source>Export VM Configuration</source>
        <translation>VM-Konfiguration exportieren</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>Save VM Configuration</source>
        <translation>VM-Konfiguration speichern</translation>
    </message>
    <message>
        <source>There is nothing to save: %1</source>
        <translation>Es gibt nichts zu speichern: %1</translation>
    </message>
</context>
<context>
    <name>isola::gui::GraphLegend</name>
    <message>
        <source>on host drivers</source>
        <translation>auf Host-Treibern</translation>
    </message>
    <message>
        <source>viable: free for VFIO</source>
        <translation>brauchbar: frei für VFIO</translation>
    </message>
    <message>
        <source>mixed: partly on vfio-pci</source>
        <translation>gemischt: teils auf vfio-pci</translation>
    </message>
    <message>
        <source>in use by the host</source>
        <translation>vom Host benutzt</translation>
    </message>
    <message>
        <source>in the plan</source>
        <translation>im Plan</translation>
    </message>
    <message>
        <source>no-IOMMU: no isolation</source>
        <translation>No-IOMMU: keine Isolation</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Legende</translation>
    </message>
    <message>
        <source>IOMMU groups</source>
        <translation>IOMMU-Gruppen</translation>
    </message>
</context>
<context>
    <name>isola::gui::GraphPanel</name>
    <message>
        <source>Zoom In</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Hide Bridges</source>
        <translation>Brücken ausblenden</translation>
    </message>
    <message>
        <source>Leave out root ports and switches: each device hangs from its root complex</source>
        <translation>Root Ports und Switches weglassen: jedes Gerät hängt an seinem Root Complex</translation>
    </message>
    <message>
        <source>Every VF</source>
        <translation>Jede VF</translation>
    </message>
    <message>
        <source>Draw every SR-IOV virtual function instead of one card per physical function (double-click a card to expand one)</source>
        <translation>Jede virtuelle SR-IOV-Funktion zeichnen statt einer Karte je physischer Funktion (Doppelklick auf eine Karte klappt eine auf)</translation>
    </message>
    <message>
        <source>Laying out…</source>
        <translation>Wird angeordnet …</translation>
    </message>
    <message numerus="yes">
        <source>%n card(s)</source>
        <translation>
            <numerusform>%n Karte</numerusform>
            <numerusform>%n Karten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>isola::gui::GraphView</name>
    <message>
        <source>PCI and IOMMU group graph</source>
        <translation>Graph der PCI-Geräte und IOMMU-Gruppen</translation>
    </message>
</context>
<context>
    <name>isola::gui::HelperChanges</name>
    <message>
        <source>write %1: %2 → %3</source>
        <translation>Schreibvorgang %1: %2 → %3</translation>
    </message>
</context>
<context>
    <name>isola::gui::HostChangesPanel</name>
    <message>
        <source>&amp;Restore All</source>
        <translation>Alles &amp;zurückstellen</translation>
    </message>
    <message>
        <source>&amp;Unpersist All</source>
        <translation>Alle Start-Bindungen &amp;aufheben</translation>
    </message>
    <message>
        <source>What Isola changed on this host</source>
        <translation>Was Isola auf diesem Host geändert hat</translation>
    </message>
    <message>
        <source>Return every device Isola moved to its own driver, through Isola&apos;s helper</source>
        <translation>Jedes Gerät, das Isola verschoben hat, an seinen eigenen Treiber zurückgeben, über Isolas Helfer</translation>
    </message>
    <message>
        <source>Remove every boot-time binding Isola made, through Isola&apos;s helper</source>
        <translation>Jede Start-Bindung entfernen, die Isola angelegt hat, über Isolas Helfer</translation>
    </message>
    <message>
        <source>This source describes another machine: Isola changes nothing on it.</source>
        <translation>Diese Quelle beschreibt eine andere Maschine: Isola ändert nichts an ihr.</translation>
    </message>
    <message>
        <source>&amp;Put Back Interrupted Change</source>
        <translation>Unterbrochene Änderung &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Return what the interrupted change touched to how it was, and nothing else, through Isola&apos;s helper</source>
        <translation>Bringt zurück, was die unterbrochene Änderung berührt hat, und nichts sonst, über Isolas Helfer</translation>
    </message>
    <message>
        <source>Put Back Interrupted Change returns what it touched to how it was; any other change through the helper puts it back first, too.</source>
        <translation>„Unterbrochene Änderung zurücksetzen“ bringt zurück, was sie berührt hat; auch jede andere Änderung über den Helfer setzt sie zuerst zurück.</translation>
    </message>
    <message>
        <source>A change of the boot-time binding was interrupted; Put Back Interrupted Change puts its files back, as Unpersist All and Persist do first.</source>
        <translation>Eine Änderung der Start-Bindung wurde unterbrochen; „Unterbrochene Änderung zurücksetzen“ stellt ihre Dateien wieder her, wie es „Alle Start-Bindungen aufheben“ und „Dauerhaft binden“ zuerst tun.</translation>
    </message>
</context>
<context>
    <name>isola::gui::MainWindow</name>
    <message>
        <source>Device filter</source>
        <translation>Gerätefilter</translation>
    </message>
    <message>
        <source>Devices by IOMMU group</source>
        <translation>Geräte nach IOMMU-Gruppe</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open Listing or Snapshot…</source>
        <translation>Auflistung oder Schnappschuss ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>Open &amp;Demo Host</source>
        <translation>&amp;Demo-Host öffnen</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>Neu &amp;laden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Find Device</source>
        <translation>Gerät suchen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Isola</source>
        <translation>Ü&amp;ber Isola</translation>
    </message>
    <message>
        <source>Open a Demo Host</source>
        <translation>Einen Demo-Host öffnen</translation>
    </message>
    <message>
        <source>Reading this host…</source>
        <translation>Dieser Host wird gelesen …</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen …</translation>
    </message>
    <message>
        <source>Demo host %1</source>
        <translation>Demo-Host %1</translation>
    </message>
    <message>
        <source>This host</source>
        <translation>Dieser Host</translation>
    </message>
    <message numerus="yes">
        <source>%n IOMMU group(s)</source>
        <translation>
            <numerusform>%n IOMMU-Gruppe</numerusform>
            <numerusform>%n IOMMU-Gruppen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n device(s)</source>
        <translation>
            <numerusform>%n Gerät</numerusform>
            <numerusform>%n Geräte</numerusform>
        </translation>
    </message>
    <message>
        <source>Demo host: %1 — not this machine</source>
        <translation>Demo-Host: %1 — nicht dieser Rechner</translation>
    </message>
    <message>
        <source>Listing %1 — not this machine. A listing lacks most facts; they are shown as unknown.</source>
        <translation>Auflistung %1 — nicht dieser Rechner. Einer Auflistung fehlen die meisten Angaben; sie werden als unbekannt angezeigt.</translation>
    </message>
    <message>
        <source>Snapshot %1 — not necessarily this machine</source>
        <translation>Schnappschuss %1 — nicht unbedingt dieser Rechner</translation>
    </message>
    <message>
        <source>This host has no IOMMU groups, so no device can be passed through with VFIO. Enable VT-d (Intel) or AMD-Vi (AMD) in the firmware setup and boot with intel_iommu=on on Intel systems; inside a virtual machine, give the VM a virtual IOMMU first. Meanwhile you can explore a demo host.</source>
        <translation>Dieser Host hat keine IOMMU-Gruppen, daher kann kein Gerät mit VFIO durchgereicht werden. Aktivieren Sie VT-d (Intel) oder AMD-Vi (AMD) in den Firmware-Einstellungen und starten Sie auf Intel-Systemen mit intel_iommu=on; in einer virtuellen Maschine geben Sie der VM zuerst eine virtuelle IOMMU. Bis dahin können Sie einen Demo-Host erkunden.</translation>
    </message>
    <message>
        <source>This source has no IOMMU groups: either its IOMMU was off, or the listing does not include them.</source>
        <translation>Diese Quelle hat keine IOMMU-Gruppen: Entweder war ihre IOMMU aus, oder die Auflistung enthält sie nicht.</translation>
    </message>
    <message>
        <source>Open Listing or Snapshot</source>
        <translation>Auflistung oder Schnappschuss öffnen</translation>
    </message>
    <message>
        <source>Isola snapshots (*.json);;Text listings (*.txt *.log);;All files (*)</source>
        <translation>Isola-Schnappschüsse (*.json);;Text-Auflistungen (*.txt *.log);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>About Isola</source>
        <translation>Über Isola</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Isola %1&lt;/h3&gt;&lt;p&gt;Shows a Linux host&apos;s PCI devices and IOMMU groups, so you see before passthrough what else goes with a device.&lt;/p&gt;&lt;p&gt;License: GPL-2.0-or-later&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Isola %1&lt;/h3&gt;&lt;p&gt;Zeigt die PCI-Geräte und IOMMU-Gruppen eines Linux-Hosts, damit Sie vor dem Durchreichen sehen, was mit einem Gerät mitgeht.&lt;/p&gt;&lt;p&gt;Lizenz: GPL-2.0-or-later&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Find by address, name, vendor:device or driver (Ctrl+F)</source>
        <translation>Suchen nach Adresse, Name, Hersteller:Gerät oder Treiber (Strg+F)</translation>
    </message>
    <message>
        <source>&amp;Graph</source>
        <translation>&amp;Graph</translation>
    </message>
    <message>
        <source>&amp;Table</source>
        <translation>&amp;Tabelle</translation>
    </message>
    <message>
        <source>&amp;Inspector</source>
        <translation>&amp;Inspektor</translation>
    </message>
    <message>
        <source>&amp;Plan</source>
        <translation>&amp;Plan</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Add Selected Device to Plan</source>
        <translation>Gewähltes Gerät zum Plan &amp;hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Clear Plan</source>
        <translation>Plan &amp;leeren</translation>
    </message>
    <message>
        <source>Select a device first, in the graph or the table.</source>
        <translation>Wählen Sie zuerst ein Gerät, im Graphen oder in der Tabelle.</translation>
    </message>
    <message>
        <source>Isola cannot follow this host&apos;s device changes (%1); use Reload.</source>
        <translation>Isola kann den Geräteänderungen dieses Hosts nicht folgen (%1); verwenden Sie Neu laden.</translation>
    </message>
    <message>
        <source>&amp;Paste Listing</source>
        <translation>Auflistung &amp;einfügen</translation>
    </message>
    <message>
        <source>The clipboard holds no text to import.</source>
        <translation>Die Zwischenablage enthält keinen Text zum Importieren.</translation>
    </message>
    <message>
        <source>&amp;Save Snapshot…</source>
        <translation>Snapshot &amp;speichern …</translation>
    </message>
    <message>
        <source>Save Snapshot</source>
        <translation>Snapshot speichern</translation>
    </message>
    <message>
        <source>Isola snapshots (*.json)</source>
        <translation>Isola-Snapshots (*.json)</translation>
    </message>
    <message>
        <source>&amp;Export Graph…</source>
        <translation>Graph &amp;exportieren …</translation>
    </message>
    <message>
        <source>Export Graph</source>
        <translation>Graph exportieren</translation>
    </message>
    <message>
        <source>SVG picture (*.svg);;PNG image (*.png);;Graphviz DOT (*.dot)</source>
        <translation>SVG-Grafik (*.svg);;PNG-Bild (*.png);;Graphviz DOT (*.dot)</translation>
    </message>
    <message>
        <source>pasted text</source>
        <translation>eingefügter Text</translation>
    </message>
    <message>
        <source>Cannot tell the picture format of %1: name it .svg, .png or .dot.</source>
        <translation>Das Bildformat von %1 ist nicht zu erkennen: nennen Sie die Datei .svg, .png oder .dot.</translation>
    </message>
    <message>
        <source>A demo host, a snapshot or a listing describes another machine and cannot be changed from here.</source>
        <translation>Ein Demo-Host, ein Snapshot oder eine Auflistung beschreibt eine andere Maschine und kann von hier aus nicht geändert werden.</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>&amp;Prüfung</translation>
    </message>
    <message>
        <source>&amp;Export VM Configuration…</source>
        <translation>VM-Konfiguration &amp;exportieren …</translation>
    </message>
    <message>
        <source>Add a device to the plan first: the export is for the plan&apos;s devices.</source>
        <translation>Fügen Sie zuerst ein Gerät zum Plan hinzu: der Export gilt den Geräten des Plans.</translation>
    </message>
    <message>
        <source>&amp;Changes</source>
        <translation>Ä&amp;nderungen</translation>
    </message>
</context>
<context>
    <name>isola::gui::MessageBanner</name>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>isola::gui::PlanPanel</name>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>e.g. win11</source>
        <translation>z. B. win11</translation>
    </message>
    <message>
        <source>VM name</source>
        <translation>VM-Name</translation>
    </message>
    <message>
        <source>legacy (VFIO container)</source>
        <translation>legacy (VFIO-Container)</translation>
    </message>
    <message>
        <source>iommufd</source>
        <translation>iommufd</translation>
    </message>
    <message>
        <source>VFIO backend</source>
        <translation>VFIO-Backend</translation>
    </message>
    <message>
        <source>Devices chosen for the VM</source>
        <translation>Für die VM gewählte Geräte</translation>
    </message>
    <message>
        <source>The plan</source>
        <translation>Der Plan</translation>
    </message>
    <message>
        <source>&amp;VM name:</source>
        <translation>&amp;VM-Name:</translation>
    </message>
    <message>
        <source>&amp;Backend:</source>
        <translation>&amp;Backend:</translation>
    </message>
    <message>
        <source>Devices for the VM:</source>
        <translation>Geräte für die VM:</translation>
    </message>
    <message>
        <source>Choose a device in the graph or the table and add it to the plan (Ctrl+Return): Isola shows everything its IOMMU group takes along, before anything changes.</source>
        <translation>Wählen Sie ein Gerät im Graphen oder in der Tabelle und fügen Sie es zum Plan hinzu (Strg+Eingabe): Isola zeigt alles, was seine IOMMU-Gruppe mitnimmt, bevor sich etwas ändert.</translation>
    </message>
    <message>
        <source>Name the VM: the plan speaks of it as &quot;%1&quot; until you do.</source>
        <translation>Benennen Sie die VM: bis dahin nennt der Plan sie „%1“.</translation>
    </message>
    <message>
        <source>Refused: nothing would be changed.</source>
        <translation>Abgelehnt: nichts würde geändert.</translation>
    </message>
    <message>
        <source>Needs your confirmation before it can be applied.</source>
        <translation>Braucht Ihre Bestätigung, bevor er angewendet werden kann.</translation>
    </message>
    <message>
        <source>What to do: %1</source>
        <translation>Was zu tun ist: %1</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Needs confirmation</source>
        <translation>Braucht Bestätigung</translation>
    </message>
    <message>
        <source>taken along by its group</source>
        <translation>von seiner Gruppe mitgenommen</translation>
    </message>
    <message>
        <source>IOMMU group %1</source>
        <translation>IOMMU-Gruppe %1</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <source>Fingerprint %1</source>
        <translation>Fingerabdruck %1</translation>
    </message>
    <message>
        <source>Ready to apply: nothing here needs your confirmation.</source>
        <translation>Bereit zum Anwenden: nichts hier braucht Ihre Bestätigung.</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Anwenden</translation>
    </message>
    <message>
        <source>P&amp;robe</source>
        <translation>&amp;Testen</translation>
    </message>
    <message>
        <source>Persi&amp;st</source>
        <translation>&amp;Dauerhaft binden</translation>
    </message>
    <message>
        <source>Res&amp;tore All</source>
        <translation>Alles &amp;zurückstellen</translation>
    </message>
    <message>
        <source>Hand the whole groups to vfio-pci now, through Isola&apos;s helper (asks for authentication)</source>
        <translation>Die ganzen Gruppen jetzt an vfio-pci übergeben, über Isolas Helfer (fragt nach Authentifizierung)</translation>
    </message>
    <message>
        <source>Open the first device&apos;s group as a VM start would, and close it again; changes nothing</source>
        <translation>Die Gruppe des ersten Geräts öffnen, wie ein VM-Start es täte, und wieder schließen; ändert nichts</translation>
    </message>
    <message>
        <source>Bind the whole groups to vfio-pci at every boot, by address (driverctl or Isola&apos;s udev rule)</source>
        <translation>Die ganzen Gruppen bei jedem Start an vfio-pci binden, nach Adresse (driverctl oder Isolas udev-Regel)</translation>
    </message>
    <message>
        <source>Return every device Isola moved to its own driver, through Isola&apos;s helper</source>
        <translation>Jedes Gerät, das Isola verschoben hat, an seinen eigenen Treiber zurückgeben, über Isolas Helfer</translation>
    </message>
    <message>
        <source>What the helper said</source>
        <translation>Was der Helfer gesagt hat</translation>
    </message>
    <message>
        <source>Confirm the Plan</source>
        <translation>Plan bestätigen</translation>
    </message>
    <message>
        <source>Applying this plan needs your confirmation of:

• %1</source>
        <translation>Dieser Plan braucht zum Anwenden Ihre Bestätigung von:

• %1</translation>
    </message>
    <message>
        <source>Isola&apos;s Helper</source>
        <translation>Isolas Helfer</translation>
    </message>
    <message>
        <source>Stopped waiting for the helper. What it already changed is journaled; isolactl status says what it is.</source>
        <translation>Das Warten auf den Helfer wurde beendet. Was er schon geändert hat, ist im Journal; isolactl status sagt, was es ist.</translation>
    </message>
    <message>
        <source>Waiting for authentication and the helper…</source>
        <translation>Warten auf Authentifizierung und den Helfer …</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren …</translation>
    </message>
    <message>
        <source>The VM configuration for these devices: libvirt, QEMU, Proxmox and more</source>
        <translation>Die VM-Konfiguration für diese Geräte: libvirt, QEMU, Proxmox und mehr</translation>
    </message>
</context>
<context>
    <name>isola::gui::ReviewPanel</name>
    <message>
        <source>blocker</source>
        <translation>Blocker</translation>
    </message>
    <message>
        <source>needs confirmation</source>
        <translation>braucht Bestätigung</translation>
    </message>
    <message>
        <source>note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Save &amp;HTML Report…</source>
        <translation>&amp;HTML-Bericht speichern …</translation>
    </message>
    <message>
        <source>All findings</source>
        <translation>Alle Befunde</translation>
    </message>
    <message>
        <source>Severity filter</source>
        <translation>Filter nach Schwere</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schwere</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>Review findings</source>
        <translation>Befunde der Prüfung</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Zeigen:</translation>
    </message>
    <message>
        <source>Save Review</source>
        <translation>Prüfung speichern</translation>
    </message>
    <message>
        <source>HTML files (*.html)</source>
        <translation>HTML-Dateien (*.html)</translation>
    </message>
    <message>
        <source>Reviewing…</source>
        <translation>Wird geprüft …</translation>
    </message>
    <message numerus="yes">
        <source>%n blocker(s)</source>
        <translation>
            <numerusform>%n Blocker</numerusform>
            <numerusform>%n Blocker</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to confirm</source>
        <translation>
            <numerusform>%n zu bestätigen</numerusform>
            <numerusform>%n zu bestätigen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n Hinweis</numerusform>
            <numerusform>%n Hinweise</numerusform>
        </translation>
    </message>
    <message>
        <source>The review is not ready yet.</source>
        <translation>Die Prüfung ist noch nicht fertig.</translation>
    </message>
</context>
<context>
    <name>isola::gui::TopologyModel</name>
    <message>
        <source>Class %1</source>
        <translation>Klasse %1</translation>
    </message>
    <message numerus="yes">
        <source>No IOMMU group — %n device(s)</source>
        <translation>
            <numerusform>Keine IOMMU-Gruppe — %n Gerät</numerusform>
            <numerusform>Keine IOMMU-Gruppe — %n Geräte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>IOMMU group %1 — %n device(s)</source>
        <translation>
            <numerusform>IOMMU-Gruppe %1 — %n Gerät</numerusform>
            <numerusform>IOMMU-Gruppe %1 — %n Geräte</numerusform>
        </translation>
    </message>
    <message>
        <source>These devices are in no IOMMU group, so VFIO cannot isolate them.</source>
        <translation>Diese Geräte sind in keiner IOMMU-Gruppe, daher kann VFIO sie nicht isolieren.</translation>
    </message>
    <message>
        <source>A VFIO no-IOMMU group: the device is not isolated at all.</source>
        <translation>Eine VFIO-No-IOMMU-Gruppe: Das Gerät ist überhaupt nicht isoliert.</translation>
    </message>
    <message>
        <source>Default domain type: %1</source>
        <translation>Typ der Standarddomäne: %1</translation>
    </message>
    <message>
        <source>%1 [%2:%3]</source>
        <translation>%1 [%2:%3]</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>Treiber</translation>
    </message>
    <message>
        <source>Host use</source>
        <translation>Nutzung durch den Host</translation>
    </message>
</context>
</TS>
