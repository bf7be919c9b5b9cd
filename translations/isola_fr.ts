<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>CommandLineText</name>
    <message>
        <source>Shows a Linux host&apos;s PCI devices grouped by IOMMU group.</source>
        <translation>Affiche les périphériques PCI d&apos;un hôte Linux, regroupés par groupe IOMMU.</translation>
    </message>
    <message>
        <source>Read sysfs from &lt;dir&gt; instead of /sys.</source>
        <translation>Lire sysfs depuis &lt;dossier&gt; au lieu de /sys.</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>dossier</translation>
    </message>
    <message>
        <source>Read procfs from &lt;dir&gt; instead of /proc.</source>
        <translation>Lire procfs depuis &lt;dossier&gt; au lieu de /proc.</translation>
    </message>
    <message>
        <source>Open an Isola snapshot &lt;file&gt;.</source>
        <translation>Ouvrir l&apos;instantané Isola &lt;fichier&gt;.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>fichier</translation>
    </message>
    <message>
        <source>Open a pasted IOMMU/lspci listing &lt;file&gt;.</source>
        <translation>Ouvrir la liste IOMMU/lspci collée &lt;fichier&gt;.</translation>
    </message>
    <message>
        <source>Open the bundled demo host &lt;name&gt;; &quot;list&quot; prints the names.</source>
        <translation>Ouvrir l&apos;hôte de démonstration fourni &lt;nom&gt;&#xa0;; «&#xa0;list&#xa0;» affiche les noms.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Argument inattendu&#xa0;: %1</translation>
    </message>
    <message>
        <source>Give only one of --sysfs-root/--proc-root, --snapshot, --import and --demo.</source>
        <translation>N&apos;indiquez qu&apos;une seule des options --sysfs-root/--proc-root, --snapshot, --import et --demo.</translation>
    </message>
</context>
<context>
    <name>FactText</name>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>unknown — %1</source>
        <translation>inconnu — %1</translation>
    </message>
</context>
<context>
    <name>GraphCard</name>
    <message>
        <source>root port</source>
        <translation>port racine</translation>
    </message>
    <message>
        <source>switch upstream port</source>
        <translation>port amont de commutateur</translation>
    </message>
    <message>
        <source>switch downstream port</source>
        <translation>port aval de commutateur</translation>
    </message>
    <message>
        <source>PCIe-to-PCI bridge</source>
        <translation>pont PCIe vers PCI</translation>
    </message>
    <message>
        <source>PCI-to-PCIe bridge</source>
        <translation>pont PCI vers PCIe</translation>
    </message>
    <message>
        <source>bridge</source>
        <translation>pont</translation>
    </message>
    <message>
        <source>driver unknown</source>
        <translation>pilote inconnu</translation>
    </message>
    <message>
        <source>no driver</source>
        <translation>aucun pilote</translation>
    </message>
    <message>
        <source>mounted</source>
        <translation>monté</translation>
    </message>
    <message>
        <source>swap</source>
        <translation>swap</translation>
    </message>
    <message>
        <source>LVM/RAID</source>
        <translation>LVM/RAID</translation>
    </message>
    <message>
        <source>default route</source>
        <translation>route par défaut</translation>
    </message>
    <message>
        <source>link up</source>
        <translation>lien actif</translation>
    </message>
    <message>
        <source>console</source>
        <translation>console</translation>
    </message>
    <message>
        <source>display in use</source>
        <translation>affichage utilisé</translation>
    </message>
    <message>
        <source>keyboard</source>
        <translation>clavier</translation>
    </message>
    <message>
        <source>Root complex</source>
        <translation>complexe racine</translation>
    </message>
    <message>
        <source>domain %1, bus %2</source>
        <translation>domaine %1, bus %2</translation>
    </message>
    <message numerus="yes">
        <source>%n virtual function(s)</source>
        <translation>
            <numerusform>%n fonction virtuelle</numerusform>
            <numerusform>%n fonctions virtuelles</numerusform>
        </translation>
    </message>
    <message>
        <source>drivers: %1</source>
        <translation>pilotes&#xa0;: %1</translation>
    </message>
    <message>
        <source>IOMMU group %1</source>
        <translation>groupe IOMMU %1</translation>
    </message>
    <message>
        <source>no IOMMU group</source>
        <translation>aucun groupe IOMMU</translation>
    </message>
</context>
<context>
    <name>HostUseText</name>
    <message>
        <source>network %1 (default route)</source>
        <translation>réseau %1 (route par défaut)</translation>
    </message>
    <message>
        <source>network %1</source>
        <translation>réseau %1</translation>
    </message>
    <message>
        <source>storage %1</source>
        <translation>stockage %1</translation>
    </message>
    <message>
        <source>storage %1 — %2</source>
        <translation>stockage %1 — %2</translation>
    </message>
    <message>
        <source>display (console)</source>
        <translation>affichage (console)</translation>
    </message>
    <message>
        <source>display %1 (console)</source>
        <translation>affichage %1 (console)</translation>
    </message>
    <message>
        <source>display %1</source>
        <translation>affichage %1</translation>
    </message>
    <message>
        <source>keyboard</source>
        <translation>clavier</translation>
    </message>
    <message>
        <source>mouse</source>
        <translation>souris</translation>
    </message>
    <message numerus="yes">
        <source>USB: %n device(s)</source>
        <translation>
            <numerusform>USB&#xa0;: %n périphérique</numerusform>
            <numerusform>USB&#xa0;: %n périphériques</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>USB: %1 and %n other device(s)</source>
        <translation>
            <numerusform>USB&#xa0;: %1 et %n autre périphérique</numerusform>
            <numerusform>USB&#xa0;: %1 et %n autres périphériques</numerusform>
        </translation>
    </message>
    <message>
        <source>USB: %1</source>
        <translation>USB&#xa0;: %1</translation>
    </message>
    <message>
        <source>sound %1</source>
        <translation>audio %1</translation>
    </message>
    <message>
        <source>network interface %1, %2</source>
        <translation>interface réseau %1, %2</translation>
    </message>
    <message>
        <source>, IPv4 default route</source>
        <translation>, route par défaut IPv4</translation>
    </message>
    <message>
        <source>, IPv6 default route</source>
        <translation>, route par défaut IPv6</translation>
    </message>
    <message>
        <source>block device %1, not mounted</source>
        <translation>périphérique bloc %1, non monté</translation>
    </message>
    <message>
        <source>block device %1, mounted at %2</source>
        <translation>périphérique bloc %1, monté sur %2</translation>
    </message>
    <message>
        <source> (root file system)</source>
        <translation> (système de fichiers racine)</translation>
    </message>
    <message>
        <source>DRM card %1</source>
        <translation>carte DRM %1</translation>
    </message>
    <message>
        <source>boot framebuffer / text console</source>
        <translation>tampon de trame de démarrage / console texte</translation>
    </message>
    <message>
        <source>USB %1: %2</source>
        <translation>USB %1&#xa0;: %2</translation>
    </message>
    <message>
        <source> (keyboard)</source>
        <translation> (clavier)</translation>
    </message>
    <message>
        <source> (mouse)</source>
        <translation> (souris)</translation>
    </message>
    <message>
        <source>sound %1: %2</source>
        <translation>audio %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>network</source>
        <translation>réseau</translation>
    </message>
    <message>
        <source>storage</source>
        <translation>stockage</translation>
    </message>
    <message>
        <source>display</source>
        <translation>affichage</translation>
    </message>
    <message>
        <source>USB devices</source>
        <translation>périphériques USB</translation>
    </message>
    <message>
        <source>sound</source>
        <translation>son</translation>
    </message>
</context>
<context>
    <name>SaveFile</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>isola::gui::DeviceDetails</name>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>%1 [%2]</source>
        <translation>%1 [%2]</translation>
    </message>
    <message>
        <source>no ACS capability</source>
        <translation>aucune capacité ACS</translation>
    </message>
    <message>
        <source>capability %1, control %2 (%3)</source>
        <translation>capacité %1, contrôle %2 (%3)</translation>
    </message>
    <message>
        <source>nothing enabled</source>
        <translation>rien d&apos;activé</translation>
    </message>
    <message>
        <source>Fact</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Device facts</source>
        <translation>Informations sur le périphérique</translation>
    </message>
    <message>
        <source>Select a device to see everything Isola knows about it.</source>
        <translation>Sélectionnez un périphérique pour voir tout ce qu&apos;Isola en sait.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identité</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>Fabricant</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Périphérique</translation>
    </message>
    <message>
        <source>Subsystem</source>
        <translation>Sous-système</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Classe</translation>
    </message>
    <message>
        <source>Programming interface</source>
        <translation>Interface de programmation</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Révision</translation>
    </message>
    <message>
        <source>IOMMU and drivers</source>
        <translation>IOMMU et pilotes</translation>
    </message>
    <message>
        <source>IOMMU group</source>
        <translation>Groupe IOMMU</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n device(s))</source>
        <translation>
            <numerusform>%1 (%n périphérique)</numerusform>
            <numerusform>%1 (%n périphériques)</numerusform>
        </translation>
    </message>
    <message>
        <source>Group type</source>
        <translation>Type de groupe</translation>
    </message>
    <message>
        <source>No-IOMMU group</source>
        <translation>Groupe no-IOMMU</translation>
    </message>
    <message>
        <source>yes — no DMA isolation at all</source>
        <translation>oui — aucune isolation DMA</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>Pilote</translation>
    </message>
    <message>
        <source>none bound</source>
        <translation>aucun pilote lié</translation>
    </message>
    <message>
        <source>Driver override</source>
        <translation>Pilote imposé</translation>
    </message>
    <message>
        <source>VFIO device</source>
        <translation>Périphérique VFIO</translation>
    </message>
    <message>
        <source>Reset methods</source>
        <translation>Méthodes de réinitialisation</translation>
    </message>
    <message>
        <source>none — the device cannot be reset</source>
        <translation>aucune — le périphérique ne peut pas être réinitialisé</translation>
    </message>
    <message>
        <source>Boot VGA</source>
        <translation>VGA de démarrage</translation>
    </message>
    <message>
        <source>NUMA node</source>
        <translation>Nœud NUMA</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Configuration</translation>
    </message>
    <message>
        <source>Header type</source>
        <translation>Type d&apos;en-tête</translation>
    </message>
    <message>
        <source>normal (0)</source>
        <translation>normal (0)</translation>
    </message>
    <message>
        <source>bridge (1)</source>
        <translation>pont (1)</translation>
    </message>
    <message>
        <source>CardBus (2)</source>
        <translation>CardBus (2)</translation>
    </message>
    <message>
        <source>Multifunction</source>
        <translation>Multifonction</translation>
    </message>
    <message>
        <source>Port type</source>
        <translation>Type de port</translation>
    </message>
    <message>
        <source>ACS</source>
        <translation>ACS</translation>
    </message>
    <message>
        <source>Link speed</source>
        <translation>Vitesse du lien</translation>
    </message>
    <message>
        <source>Link width</source>
        <translation>Largeur du lien</translation>
    </message>
    <message>
        <source>Maximum link speed</source>
        <translation>Vitesse maximale du lien</translation>
    </message>
    <message>
        <source>Maximum link width</source>
        <translation>Largeur maximale du lien</translation>
    </message>
    <message>
        <source>Bus tree</source>
        <translation>Arborescence du bus</translation>
    </message>
    <message>
        <source>Upstream bridge</source>
        <translation>Pont amont</translation>
    </message>
    <message>
        <source>none (root bus)</source>
        <translation>aucun (bus racine)</translation>
    </message>
    <message>
        <source>the source does not describe the bus tree</source>
        <translation>la source ne décrit pas l&apos;arborescence du bus</translation>
    </message>
    <message>
        <source>Devices below</source>
        <translation>Périphériques en aval</translation>
    </message>
    <message>
        <source>SR-IOV</source>
        <translation>SR-IOV</translation>
    </message>
    <message>
        <source>Physical function</source>
        <translation>Fonction physique</translation>
    </message>
    <message>
        <source>Virtual functions enabled</source>
        <translation>Fonctions virtuelles activées</translation>
    </message>
    <message>
        <source>Virtual functions possible</source>
        <translation>Fonctions virtuelles possibles</translation>
    </message>
    <message>
        <source>Virtual functions</source>
        <translation>Fonctions virtuelles</translation>
    </message>
    <message>
        <source>Host use</source>
        <translation>Utilisation par l&apos;hôte</translation>
    </message>
    <message>
        <source>Used by the host</source>
        <translation>Utilisé par l&apos;hôte</translation>
    </message>
    <message>
        <source>not known: %1</source>
        <translation>inconnu&#xa0;: %1</translation>
    </message>
    <message>
        <source>not in use</source>
        <translation>inutilisé</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>Diagnostics</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Remarque</translation>
    </message>
    <message>
        <source>none</source>
        <comment>no IOMMU group</comment>
        <translation>aucun</translation>
    </message>
    <message>
        <source>none</source>
        <comment>no driver override</comment>
        <translation>aucun</translation>
    </message>
    <message>
        <source>none</source>
        <comment>no VFIO device</comment>
        <translation>aucun</translation>
    </message>
    <message>
        <source>none</source>
        <comment>no NUMA node</comment>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Why are these devices in one group?</source>
        <translation>Pourquoi ces périphériques sont-ils dans un même groupe&#xa0;?</translation>
    </message>
    <message>
        <source>The kernel&apos;s grouping</source>
        <translation>Le regroupement du noyau</translation>
    </message>
    <message>
        <source>&amp;Read Full Configuration Space…</source>
        <translation>&amp;Lire tout l’espace de configuration…</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Lecture…</translation>
    </message>
    <message numerus="yes">
        <source>This group&apos;s explanation needs ACS and PCIe facts that only root can read, from %n function(s): %1. Isola&apos;s helper can read their full configuration space; an administrator&apos;s password is asked once per session.</source>
        <translation>
            <numerusform>L’explication de ce groupe a besoin de données ACS et PCIe que seul root peut lire, pour %n fonction&#xa0;: %1. L’assistant d’Isola peut lire tout leur espace de configuration&#xa0;; le mot de passe d’un administrateur est demandé une fois par session.</numerusform>
            <numerusform>L’explication de ce groupe a besoin de données ACS et PCIe que seul root peut lire, pour %n fonctions&#xa0;: %1. L’assistant d’Isola peut lire tout leur espace de configuration&#xa0;; le mot de passe d’un administrateur est demandé une fois par session.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>isola::gui::ExportDialog</name>
    <message>
        <source>libvirt domain XML (&lt;hostdev&gt;)</source>
        <translation>XML de domaine libvirt (&lt;hostdev&gt;)</translation>
    </message>
    <message>
        <source>QEMU command line (-device vfio-pci)</source>
        <translation>Ligne de commande QEMU (-device vfio-pci)</translation>
    </message>
    <message>
        <source>Proxmox VE (hostpciN lines)</source>
        <translation>Proxmox VE (lignes hostpciN)</translation>
    </message>
    <message>
        <source>Cloud Hypervisor (--device)</source>
        <translation>Cloud Hypervisor (--device)</translation>
    </message>
    <message>
        <source>Kernel command line (vfio-pci.ids)</source>
        <translation>Ligne de commande du noyau (vfio-pci.ids)</translation>
    </message>
    <message>
        <source>modprobe.d (options vfio-pci ids)</source>
        <translation>modprobe.d (options vfio-pci ids)</translation>
    </message>
    <message>
        <source>driverctl (by address)</source>
        <translation>driverctl (par adresse)</translation>
    </message>
    <message>
        <source>libvirt &amp;manages the host driver (managed=&apos;yes&apos;)</source>
        <translation>libvirt &amp;gère le pilote de l’hôte (managed=&apos;yes&apos;)</translation>
    </message>
    <message>
        <source>&amp;iommufd backend instead of the VFIO container</source>
        <translation>Backend &amp;iommufd au lieu du conteneur VFIO</translation>
    </message>
    <message>
        <source>Hide the option &amp;ROM (rombar=0)</source>
        <translation>Masquer la &amp;ROM optionnelle (rombar=0)</translation>
    </message>
    <message>
        <source>Primary &amp;GPU with legacy VGA (x-vga)</source>
        <translation>&amp;GPU principal avec VGA hérité (x-vga)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Enregistrer…</translation>
    </message>
    <message>
        <source>Export VM Configuration</source>
        <translation>Exporter la configuration de la VM</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format&#xa0;:</translation>
    </message>
    <message>
        <source>Save VM Configuration</source>
        <translation>Enregistrer la configuration de la VM</translation>
    </message>
    <message>
        <source>There is nothing to save: %1</source>
        <translation>Il n’y a rien à enregistrer&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>isola::gui::GraphLegend</name>
    <message>
        <source>on host drivers</source>
        <translation>sur des pilotes de l’hôte</translation>
    </message>
    <message>
        <source>viable: free for VFIO</source>
        <translation>utilisable&#xa0;: libre pour VFIO</translation>
    </message>
    <message>
        <source>mixed: partly on vfio-pci</source>
        <translation>mixte&#xa0;: en partie sur vfio-pci</translation>
    </message>
    <message>
        <source>in use by the host</source>
        <translation>utilisé par l’hôte</translation>
    </message>
    <message>
        <source>in the plan</source>
        <translation>dans le plan</translation>
    </message>
    <message>
        <source>no-IOMMU: no isolation</source>
        <translation>no-IOMMU&#xa0;: aucune isolation</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Légende</translation>
    </message>
    <message>
        <source>IOMMU groups</source>
        <translation>Groupes IOMMU</translation>
    </message>
</context>
<context>
    <name>isola::gui::GraphPanel</name>
    <message>
        <source>Zoom In</source>
        <translation>Zoom avant</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>Zoom arrière</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <source>Hide Bridges</source>
        <translation>Masquer les ponts</translation>
    </message>
    <message>
        <source>Leave out root ports and switches: each device hangs from its root complex</source>
        <translation>Omettre ports racine et commutateurs&#xa0;: chaque périphérique est rattaché à son complexe racine</translation>
    </message>
    <message>
        <source>Every VF</source>
        <translation>Chaque VF</translation>
    </message>
    <message>
        <source>Draw every SR-IOV virtual function instead of one card per physical function (double-click a card to expand one)</source>
        <translation>Dessiner chaque fonction virtuelle SR-IOV au lieu d’une carte par fonction physique (double-cliquer sur une carte pour en déplier une)</translation>
    </message>
    <message>
        <source>Laying out…</source>
        <translation>Disposition en cours…</translation>
    </message>
    <message numerus="yes">
        <source>%n card(s)</source>
        <translation>
            <numerusform>%n carte</numerusform>
            <numerusform>%n cartes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>isola::gui::GraphView</name>
    <message>
        <source>PCI and IOMMU group graph</source>
        <translation>Graphe des périphériques PCI et des groupes IOMMU</translation>
    </message>
</context>
<context>
    <name>isola::gui::HelperChanges</name>
    <message>
        <source>write %1: %2 → %3</source>
        <translation>écriture %1&#xa0;: %2 → %3</translation>
    </message>
</context>
<context>
    <name>isola::gui::HostChangesPanel</name>
    <message>
        <source>&amp;Restore All</source>
        <translation>&amp;Tout restaurer</translation>
    </message>
    <message>
        <source>&amp;Unpersist All</source>
        <translation>&amp;Annuler toutes les liaisons au démarrage</translation>
    </message>
    <message>
        <source>What Isola changed on this host</source>
        <translation>Ce qu’Isola a modifié sur cet hôte</translation>
    </message>
    <message>
        <source>Return every device Isola moved to its own driver, through Isola&apos;s helper</source>
        <translation>Rendre à son propre pilote chaque périphérique qu’Isola a déplacé, par l’assistant d’Isola</translation>
    </message>
    <message>
        <source>Remove every boot-time binding Isola made, through Isola&apos;s helper</source>
        <translation>Retirer chaque liaison au démarrage qu’Isola a créée, par l’assistant d’Isola</translation>
    </message>
    <message>
        <source>This source describes another machine: Isola changes nothing on it.</source>
        <translation>Cette source décrit une autre machine&#xa0;: Isola n’y change rien.</translation>
    </message>
    <message>
        <source>&amp;Put Back Interrupted Change</source>
        <translation>&amp;Remettre en place la modification interrompue</translation>
    </message>
    <message>
        <source>Return what the interrupted change touched to how it was, and nothing else, through Isola&apos;s helper</source>
        <translation>Remet dans son état d’avant ce que la modification interrompue a touché, et rien d’autre, par l’assistant d’Isola</translation>
    </message>
    <message>
        <source>Put Back Interrupted Change returns what it touched to how it was; any other change through the helper puts it back first, too.</source>
        <translation>«&#xa0;Remettre en place la modification interrompue&#xa0;» remet dans son état d’avant ce qu’elle a touché&#xa0;; toute autre modification par l’assistant la remet aussi en place d’abord.</translation>
    </message>
    <message>
        <source>A change of the boot-time binding was interrupted; Put Back Interrupted Change puts its files back, as Unpersist All and Persist do first.</source>
        <translation>Une modification de la liaison au démarrage a été interrompue&#xa0;; «&#xa0;Remettre en place la modification interrompue&#xa0;» remet ses fichiers en place, comme le font d’abord «&#xa0;Annuler toutes les liaisons au démarrage&#xa0;» et «&#xa0;Lier au démarrage&#xa0;».</translation>
    </message>
</context>
<context>
    <name>isola::gui::MainWindow</name>
    <message>
        <source>Device filter</source>
        <translation>Filtre des périphériques</translation>
    </message>
    <message>
        <source>Devices by IOMMU group</source>
        <translation>Périphériques par groupe IOMMU</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Open Listing or Snapshot…</source>
        <translation>&amp;Ouvrir une liste ou un instantané…</translation>
    </message>
    <message>
        <source>Open &amp;Demo Host</source>
        <translation>Ouvrir un hôte de &amp;démonstration</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Recharger</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Find Device</source>
        <translation>Rechercher un périphérique</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About Isola</source>
        <translation>À &amp;propos d&apos;Isola</translation>
    </message>
    <message>
        <source>Open a Demo Host</source>
        <translation>Ouvrir un hôte de démonstration</translation>
    </message>
    <message>
        <source>Reading this host…</source>
        <translation>Lecture de cet hôte…</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lecture de %1…</translation>
    </message>
    <message>
        <source>Demo host %1</source>
        <translation>Hôte de démonstration %1</translation>
    </message>
    <message>
        <source>This host</source>
        <translation>Cet hôte</translation>
    </message>
    <message numerus="yes">
        <source>%n IOMMU group(s)</source>
        <translation>
            <numerusform>%n groupe IOMMU</numerusform>
            <numerusform>%n groupes IOMMU</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n device(s)</source>
        <translation>
            <numerusform>%n périphérique</numerusform>
            <numerusform>%n périphériques</numerusform>
        </translation>
    </message>
    <message>
        <source>Demo host: %1 — not this machine</source>
        <translation>Hôte de démonstration&#xa0;: %1 — pas cette machine</translation>
    </message>
    <message>
        <source>Listing %1 — not this machine. A listing lacks most facts; they are shown as unknown.</source>
        <translation>Liste %1 — pas cette machine. Une liste ne fournit pas la plupart des informations&#xa0;; elles sont affichées comme inconnues.</translation>
    </message>
    <message>
        <source>Snapshot %1 — not necessarily this machine</source>
        <translation>Instantané %1 — pas forcément cette machine</translation>
    </message>
    <message>
        <source>This host has no IOMMU groups, so no device can be passed through with VFIO. Enable VT-d (Intel) or AMD-Vi (AMD) in the firmware setup and boot with intel_iommu=on on Intel systems; inside a virtual machine, give the VM a virtual IOMMU first. Meanwhile you can explore a demo host.</source>
        <translation>Cet hôte n&apos;a aucun groupe IOMMU&#xa0;: aucun périphérique ne peut donc être transmis à une machine virtuelle avec VFIO. Activez VT-d (Intel) ou AMD-Vi (AMD) dans la configuration du micrologiciel et, sur les systèmes Intel, démarrez avec intel_iommu=on&#xa0;; dans une machine virtuelle, donnez d&apos;abord une IOMMU virtuelle à la machine virtuelle. En attendant, vous pouvez explorer un hôte de démonstration.</translation>
    </message>
    <message>
        <source>This source has no IOMMU groups: either its IOMMU was off, or the listing does not include them.</source>
        <translation>Cette source n&apos;a aucun groupe IOMMU&#xa0;: soit son IOMMU était désactivée, soit la liste ne les contient pas.</translation>
    </message>
    <message>
        <source>Open Listing or Snapshot</source>
        <translation>Ouvrir une liste ou un instantané</translation>
    </message>
    <message>
        <source>Isola snapshots (*.json);;Text listings (*.txt *.log);;All files (*)</source>
        <translation>Instantanés Isola (*.json);;Listes texte (*.txt *.log);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>About Isola</source>
        <translation>À propos d&apos;Isola</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Isola %1&lt;/h3&gt;&lt;p&gt;Shows a Linux host&apos;s PCI devices and IOMMU groups, so you see before passthrough what else goes with a device.&lt;/p&gt;&lt;p&gt;License: GPL-2.0-or-later&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Isola %1&lt;/h3&gt;&lt;p&gt;Affiche les périphériques PCI et les groupes IOMMU d&apos;un hôte Linux, pour que vous sachiez, avant de transmettre un périphérique à une machine virtuelle, ce qui l&apos;accompagne.&lt;/p&gt;&lt;p&gt;Licence&#xa0;: GPL-2.0-or-later&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Find by address, name, vendor:device or driver (Ctrl+F)</source>
        <translation>Chercher par adresse, nom, fabricant:périphérique ou pilote (Ctrl+F)</translation>
    </message>
    <message>
        <source>&amp;Graph</source>
        <translation>&amp;Graphe</translation>
    </message>
    <message>
        <source>&amp;Table</source>
        <translation>&amp;Tableau</translation>
    </message>
    <message>
        <source>&amp;Inspector</source>
        <translation>&amp;Inspecteur</translation>
    </message>
    <message>
        <source>&amp;Plan</source>
        <translation>&amp;Plan</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Add Selected Device to Plan</source>
        <translation>&amp;Ajouter le périphérique choisi au plan</translation>
    </message>
    <message>
        <source>&amp;Clear Plan</source>
        <translation>&amp;Vider le plan</translation>
    </message>
    <message>
        <source>Select a device first, in the graph or the table.</source>
        <translation>Choisissez d’abord un périphérique, dans le graphe ou le tableau.</translation>
    </message>
    <message>
        <source>Isola cannot follow this host&apos;s device changes (%1); use Reload.</source>
        <translation>Isola ne peut pas suivre les changements de périphériques de cet hôte (%1)&#xa0;; utilisez Recharger.</translation>
    </message>
    <message>
        <source>&amp;Paste Listing</source>
        <translation>&amp;Coller une liste</translation>
    </message>
    <message>
        <source>The clipboard holds no text to import.</source>
        <translation>Le presse-papiers ne contient aucun texte à importer.</translation>
    </message>
    <message>
        <source>&amp;Save Snapshot…</source>
        <translation>&amp;Enregistrer un instantané…</translation>
    </message>
    <message>
        <source>Save Snapshot</source>
        <translation>Enregistrer un instantané</translation>
    </message>
    <message>
        <source>Isola snapshots (*.json)</source>
        <translation>Instantanés Isola (*.json)</translation>
    </message>
    <message>
        <source>&amp;Export Graph…</source>
        <translation>&amp;Exporter le graphe…</translation>
    </message>
    <message>
        <source>Export Graph</source>
        <translation>Exporter le graphe</translation>
    </message>
    <message>
        <source>SVG picture (*.svg);;PNG image (*.png);;Graphviz DOT (*.dot)</source>
        <translation>Image SVG (*.svg);;Image PNG (*.png);;Graphviz DOT (*.dot)</translation>
    </message>
    <message>
        <source>pasted text</source>
        <translation>texte collé</translation>
    </message>
    <message>
        <source>Cannot tell the picture format of %1: name it .svg, .png or .dot.</source>
        <translation>Impossible de reconnaître le format d’image de %1&#xa0;: nommez-le .svg, .png ou .dot.</translation>
    </message>
    <message>
        <source>A demo host, a snapshot or a listing describes another machine and cannot be changed from here.</source>
        <translation>Un hôte de démonstration, un instantané ou une liste décrit une autre machine et ne peut pas être modifié d’ici.</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>&amp;Revue</translation>
    </message>
    <message>
        <source>&amp;Export VM Configuration…</source>
        <translation>&amp;Exporter la configuration de la VM…</translation>
    </message>
    <message>
        <source>Add a device to the plan first: the export is for the plan&apos;s devices.</source>
        <translation>Ajoutez d’abord un périphérique au plan&#xa0;: l’export concerne les périphériques du plan.</translation>
    </message>
    <message>
        <source>&amp;Changes</source>
        <translation>&amp;Modifications</translation>
    </message>
</context>
<context>
    <name>isola::gui::MessageBanner</name>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
</context>
<context>
    <name>isola::gui::PlanPanel</name>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Vider</translation>
    </message>
    <message>
        <source>e.g. win11</source>
        <translation>p. ex. win11</translation>
    </message>
    <message>
        <source>VM name</source>
        <translation>Nom de la VM</translation>
    </message>
    <message>
        <source>legacy (VFIO container)</source>
        <translation>legacy (conteneur VFIO)</translation>
    </message>
    <message>
        <source>iommufd</source>
        <translation>iommufd</translation>
    </message>
    <message>
        <source>VFIO backend</source>
        <translation>Backend VFIO</translation>
    </message>
    <message>
        <source>Devices chosen for the VM</source>
        <translation>Périphériques choisis pour la VM</translation>
    </message>
    <message>
        <source>The plan</source>
        <translation>Le plan</translation>
    </message>
    <message>
        <source>&amp;VM name:</source>
        <translation>Nom de la &amp;VM&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Backend:</source>
        <translation>&amp;Backend&#xa0;:</translation>
    </message>
    <message>
        <source>Devices for the VM:</source>
        <translation>Périphériques pour la VM&#xa0;:</translation>
    </message>
    <message>
        <source>Choose a device in the graph or the table and add it to the plan (Ctrl+Return): Isola shows everything its IOMMU group takes along, before anything changes.</source>
        <translation>Choisissez un périphérique dans le graphe ou le tableau et ajoutez-le au plan (Ctrl+Entrée)&#xa0;: Isola montre tout ce que son groupe IOMMU emmène, avant que rien ne change.</translation>
    </message>
    <message>
        <source>Name the VM: the plan speaks of it as &quot;%1&quot; until you do.</source>
        <translation>Nommez la VM&#xa0;: d’ici là, le plan l’appelle «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Refused: nothing would be changed.</source>
        <translation>Refusé&#xa0;: rien ne serait modifié.</translation>
    </message>
    <message>
        <source>Needs your confirmation before it can be applied.</source>
        <translation>Nécessite votre confirmation avant de pouvoir être appliqué.</translation>
    </message>
    <message>
        <source>What to do: %1</source>
        <translation>Que faire&#xa0;: %1</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refusé</translation>
    </message>
    <message>
        <source>Needs confirmation</source>
        <translation>Confirmation nécessaire</translation>
    </message>
    <message>
        <source>taken along by its group</source>
        <translation>emmené par son groupe</translation>
    </message>
    <message>
        <source>IOMMU group %1</source>
        <translation>groupe IOMMU %1</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Remarques</translation>
    </message>
    <message>
        <source>Fingerprint %1</source>
        <translation>Empreinte %1</translation>
    </message>
    <message>
        <source>Ready to apply: nothing here needs your confirmation.</source>
        <translation>Prêt à appliquer&#xa0;: rien ici ne nécessite votre confirmation.</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Appliquer</translation>
    </message>
    <message>
        <source>P&amp;robe</source>
        <translation>&amp;Tester</translation>
    </message>
    <message>
        <source>Persi&amp;st</source>
        <translation>Lier au &amp;démarrage</translation>
    </message>
    <message>
        <source>Res&amp;tore All</source>
        <translation>&amp;Tout restaurer</translation>
    </message>
    <message>
        <source>Hand the whole groups to vfio-pci now, through Isola&apos;s helper (asks for authentication)</source>
        <translation>Confier maintenant les groupes entiers à vfio-pci, par l’assistant d’Isola (demande une authentification)</translation>
    </message>
    <message>
        <source>Open the first device&apos;s group as a VM start would, and close it again; changes nothing</source>
        <translation>Ouvrir le groupe du premier périphérique comme le ferait le démarrage d’une VM, puis le refermer&#xa0;; ne change rien</translation>
    </message>
    <message>
        <source>Bind the whole groups to vfio-pci at every boot, by address (driverctl or Isola&apos;s udev rule)</source>
        <translation>Lier les groupes entiers à vfio-pci à chaque démarrage, par adresse (driverctl ou la règle udev d’Isola)</translation>
    </message>
    <message>
        <source>Return every device Isola moved to its own driver, through Isola&apos;s helper</source>
        <translation>Rendre à son propre pilote chaque périphérique qu’Isola a déplacé, par l’assistant d’Isola</translation>
    </message>
    <message>
        <source>What the helper said</source>
        <translation>Ce qu’a dit l’assistant</translation>
    </message>
    <message>
        <source>Confirm the Plan</source>
        <translation>Confirmer le plan</translation>
    </message>
    <message>
        <source>Applying this plan needs your confirmation of:

• %1</source>
        <translation>Appliquer ce plan nécessite votre confirmation de&#xa0;:

• %1</translation>
    </message>
    <message>
        <source>Isola&apos;s Helper</source>
        <translation>L’assistant d’Isola</translation>
    </message>
    <message>
        <source>Stopped waiting for the helper. What it already changed is journaled; isolactl status says what it is.</source>
        <translation>L’attente de l’assistant est interrompue. Ce qu’il a déjà modifié est journalisé&#xa0;; isolactl status indique quoi.</translation>
    </message>
    <message>
        <source>Waiting for authentication and the helper…</source>
        <translation>En attente de l’authentification et de l’assistant…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xporter…</translation>
    </message>
    <message>
        <source>The VM configuration for these devices: libvirt, QEMU, Proxmox and more</source>
        <translation>La configuration de VM pour ces périphériques&#xa0;: libvirt, QEMU, Proxmox et d’autres</translation>
    </message>
</context>
<context>
    <name>isola::gui::ReviewPanel</name>
    <message>
        <source>blocker</source>
        <translation>bloquant</translation>
    </message>
    <message>
        <source>needs confirmation</source>
        <translation>à confirmer</translation>
    </message>
    <message>
        <source>note</source>
        <translation>remarque</translation>
    </message>
    <message>
        <source>Save &amp;HTML Report…</source>
        <translation>Enregistrer le rapport &amp;HTML…</translation>
    </message>
    <message>
        <source>All findings</source>
        <translation>Tous les constats</translation>
    </message>
    <message>
        <source>Severity filter</source>
        <translation>Filtre de gravité</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Constat</translation>
    </message>
    <message>
        <source>Review findings</source>
        <translation>Constats de la revue</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Afficher&#xa0;:</translation>
    </message>
    <message>
        <source>Save Review</source>
        <translation>Enregistrer la revue</translation>
    </message>
    <message>
        <source>HTML files (*.html)</source>
        <translation>Fichiers HTML (*.html)</translation>
    </message>
    <message>
        <source>Reviewing…</source>
        <translation>Revue en cours…</translation>
    </message>
    <message numerus="yes">
        <source>%n blocker(s)</source>
        <translation>
            <numerusform>%n bloquant</numerusform>
            <numerusform>%n bloquants</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to confirm</source>
        <translation>
            <numerusform>%n à confirmer</numerusform>
            <numerusform>%n à confirmer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n remarque</numerusform>
            <numerusform>%n remarques</numerusform>
        </translation>
    </message>
    <message>
        <source>The review is not ready yet.</source>
        <translation>La revue n’est pas encore prête.</translation>
    </message>
</context>
<context>
    <name>isola::gui::TopologyModel</name>
    <message>
        <source>Class %1</source>
        <translation>Classe %1</translation>
    </message>
    <message numerus="yes">
        <source>No IOMMU group — %n device(s)</source>
        <translation>
            <numerusform>Aucun groupe IOMMU — %n périphérique</numerusform>
            <numerusform>Aucun groupe IOMMU — %n périphériques</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>IOMMU group %1 — %n device(s)</source>
        <translation>
            <numerusform>Groupe IOMMU %1 — %n périphérique</numerusform>
            <numerusform>Groupe IOMMU %1 — %n périphériques</numerusform>
        </translation>
    </message>
    <message>
        <source>These devices are in no IOMMU group, so VFIO cannot isolate them.</source>
        <translation>Ces périphériques ne sont dans aucun groupe IOMMU&#xa0;: VFIO ne peut donc pas les isoler.</translation>
    </message>
    <message>
        <source>A VFIO no-IOMMU group: the device is not isolated at all.</source>
        <translation>Un groupe VFIO no-IOMMU&#xa0;: le périphérique n&apos;est pas du tout isolé.</translation>
    </message>
    <message>
        <source>Default domain type: %1</source>
        <translation>Type de domaine par défaut&#xa0;: %1</translation>
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
        <translation>Périphérique</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Classe</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>Pilote</translation>
    </message>
    <message>
        <source>Host use</source>
        <translation>Utilisation par l&apos;hôte</translation>
    </message>
</context>
</TS>
