<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>cleave::gui::AgentTableModel</name>
    <message>
        <source>This agent was started with the role %1 and is listed here as %2: its timings are stored as the %2's. Change the role here, or start the agent with --role %2.</source>
        <translation>Dieser Agent wurde mit der Rolle %1 gestartet und steht hier als %2: seine Zeiten werden als die des %2 gespeichert. Ändern Sie die Rolle hier oder starten Sie den Agenten mit --role %2.</translation>
    </message>
    <message>
        <source>This agent serves anyone who can reach it: it has no token and no client certificates (started with --allow-unauthenticated). Anyone on its network may upload models to it and use it.</source>
        <translation>Dieser Agent bedient jeden, der ihn erreicht: er hat weder Token noch Client-Zertifikate (gestartet mit --allow-unauthenticated). Jeder in seinem Netz kann Modelle hochladen und ihn nutzen.</translation>
    </message>
    <message>
        <source>not asked</source>
        <translation>nicht gefragt</translation>
    </message>
    <message>
        <source>asking...</source>
        <translation>frage an...</translation>
    </message>
    <message>
        <source>online, but started as %1</source>
        <translation>erreichbar, aber als %1 gestartet</translation>
    </message>
    <message>
        <source>online, open to anyone</source>
        <translation>erreichbar, für jeden offen</translation>
    </message>
    <message>
        <source>online</source>
        <translation>erreichbar</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>nicht erreichbar</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>Maschine</translation>
    </message>
</context>
<context>
    <name>cleave::gui::AgentsPanel</name>
    <message>
        <source>Use local agents</source>
        <translation>Lokale Agenten verwenden</translation>
    </message>
    <message>
        <source>A device and an edge agent on this machine, started for each job</source>
        <translation>Ein Geräte- und ein Edge-Agent auf diesem Rechner, für jeden Auftrag gestartet</translation>
    </message>
    <message>
        <source>any CPU</source>
        <translation>CPU unbegrenzt</translation>
    </message>
    <message>
        <source> cores</source>
        <translation> Kerne</translation>
    </message>
    <message>
        <source>any memory</source>
        <translation>Speicher unbegrenzt</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>Limits the local device agent with the kernel's control groups (needs root), so that it behaves like a slower device; its timings are stored as a resource of their own</source>
        <translation>Begrenzt den lokalen Geräte-Agenten mit den Control Groups des Kernels (braucht root), damit er sich wie ein langsameres Gerät verhält; seine Zeiten werden als eigene Ressource gespeichert</translation>
    </message>
    <message>
        <source>HOST:PORT</source>
        <translation>HOST:PORT</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>The file that holds the agent's token (kept with permissions 0600), or %1 for the system keychain; the project stores only this</source>
        <translation>Die Datei mit dem Token des Agenten (mit den Rechten 0600) oder %1 für den Schlüsselbund des Systems; das Projekt speichert nur dies</translation>
    </message>
    <message>
        <source>Keychain...</source>
        <translation>Schlüsselbund...</translation>
    </message>
    <message>
        <source>Keep the agent's token in the system keychain instead of a file</source>
        <translation>Das Token des Agenten im Schlüsselbund des Systems statt in einer Datei aufbewahren</translation>
    </message>
    <message>
        <source>none: plain connection</source>
        <translation>keines: unverschlüsselte Verbindung</translation>
    </message>
    <message>
        <source>The PEM file of the CA that signs the agent's certificate: the connection uses TLS (as does an https:// address)</source>
        <translation>Die PEM-Datei der CA, die das Zertifikat des Agenten signiert: die Verbindung verwendet TLS (wie eine https://-Adresse)</translation>
    </message>
    <message>
        <source>The PEM file of this workbench's certificate, for an agent that requires client certificates</source>
        <translation>Die PEM-Datei des Zertifikats dieser Workbench, für einen Agenten, der Client-Zertifikate verlangt</translation>
    </message>
    <message>
        <source>The PEM file of the client certificate's private key</source>
        <translation>Die PEM-Datei des privaten Schlüssels des Client-Zertifikats</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Ask All</source>
        <translation>Alle fragen</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Token file</source>
        <translation>Token-Datei</translation>
    </message>
    <message>
        <source>TLS CA certificate</source>
        <translation>TLS-CA-Zertifikat</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>Client-Zertifikat</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>Client-Schlüssel</translation>
    </message>
    <message>
        <source>Emulated device:</source>
        <translation>Emuliertes Gerät:</translation>
    </message>
    <message>
        <source>agents: local, the device emulated (%1)</source>
        <translation>Agenten: lokal, Gerät emuliert (%1)</translation>
    </message>
    <message>
        <source>agents: local (started for each job)</source>
        <translation>Agenten: lokal (für jeden Auftrag gestartet)</translation>
    </message>
    <message>
        <source>agents: %1 of %2 answer</source>
        <translation>Agenten: %1 von %2 antworten</translation>
    </message>
    <message>
        <source>Agent address %1</source>
        <translation>Agentenadresse %1</translation>
    </message>
    <message>
        <source>Agent role '%1' is not device, edge or cloud</source>
        <translation>Agentenrolle „%1“ ist weder device, edge noch cloud</translation>
    </message>
    <message>
        <source>Agent %1 is already in the list</source>
        <translation>Agent %1 ist bereits in der Liste</translation>
    </message>
    <message>
        <source>Agent %1: give the client certificate and its key together</source>
        <translation>Agent %1: Client-Zertifikat und Schlüssel zusammen angeben</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Agenten</translation>
    </message>
    <message>
        <source>Measure on the agents you add from now on, or keep measuring on the local agents?</source>
        <translation>Ab jetzt auf den hinzugefügten Agenten messen oder weiter auf den lokalen?</translation>
    </message>
    <message>
        <source>Use Added Agents</source>
        <translation>Hinzugefügte Agenten verwenden</translation>
    </message>
    <message>
        <source>Keep Local Agents</source>
        <translation>Lokale Agenten behalten</translation>
    </message>
    <message>
        <source>Agent Token</source>
        <translation>Agenten-Token</translation>
    </message>
    <message>
        <source>The token agent %1 requires:</source>
        <translation>Das Token, das Agent %1 verlangt:</translation>
    </message>
    <message>
        <source>The token of %1 is in the system keychain</source>
        <translation>Das Token von %1 liegt im Schlüsselbund des Systems</translation>
    </message>
    <message>
        <source>No system keychain here (%1): keep the token in a file only you may read (chmod 600) and give its path</source>
        <translation>Kein Schlüsselbund verfügbar (%1): das Token in einer nur für Sie lesbaren Datei (chmod 600) aufbewahren und ihren Pfad angeben</translation>
    </message>
</context>
<context>
    <name>cleave::gui::BenchmarkPanel</name>
    <message>
        <source>Open a model to measure it.</source>
        <translation>Öffnen Sie ein Modell, um es zu messen.</translation>
    </message>
    <message>
        <source>Transfer Layers to time at every cut, comma separated (e.g. maxpool2,avgpool4); empty: none</source>
        <translation>Transfer Layer, die an jedem Schnitt gemessen werden, durch Kommas getrennt (z. B. maxpool2,avgpool4); leer: keine</translation>
    </message>
    <message>
        <source>Wire codecs to time at every cut: fp32, fp16, int8, each with an optional +zstd</source>
        <translation>Übertragungscodecs, die an jedem Schnitt gemessen werden: fp32, fp16, int8, jeweils optional mit +zstd</translation>
    </message>
    <message>
        <source>Resume interrupted runs</source>
        <translation>Unterbrochene Läufe fortsetzen</translation>
    </message>
    <message>
        <source>Continue each agent's newest incomplete run instead of starting it afresh</source>
        <translation>Den neuesten unvollständigen Lauf jedes Agenten fortsetzen, statt neu zu beginnen</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Warm-up runs</source>
        <translation>Aufwärmläufe</translation>
    </message>
    <message>
        <source>Timed runs</source>
        <translation>Gemessene Läufe</translation>
    </message>
    <message>
        <source>Transfer Layers</source>
        <translation>Transfer Layer</translation>
    </message>
    <message>
        <source>Codecs</source>
        <translation>Codecs</translation>
    </message>
    <message>
        <source>Ready to measure %1</source>
        <translation>Bereit, %1 zu messen</translation>
    </message>
    <message>
        <source>Open a model first.</source>
        <translation>Öffnen Sie zuerst ein Modell.</translation>
    </message>
    <message>
        <source>Open or create a project first: results are stored in it.</source>
        <translation>Öffnen oder erstellen Sie zuerst ein Projekt: Die Ergebnisse werden darin gespeichert.</translation>
    </message>
    <message>
        <source>A benchmark needs a device and an edge agent; the project has: %1</source>
        <translation>Ein Benchmark braucht einen Geräte- und einen Edge-Agenten; das Projekt hat: %1</translation>
    </message>
    <message>
        <source>Measuring %1</source>
        <translation>Messe %1</translation>
    </message>
    <message>
        <source>benchmark of %1: %2 warm-up, %3 timed, TL %4, codecs %5</source>
        <translation>Benchmark von %1: %2 zum Aufwärmen, %3 gemessen, TL %4, Codecs %5</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>%1: complete</source>
        <translation>%1: vollständig</translation>
    </message>
    <message>
        <source>Measured %1</source>
        <translation>%1 gemessen</translation>
    </message>
    <message>
        <source>done: %1</source>
        <translation>fertig: %1</translation>
    </message>
    <message>
        <source>Stopped measuring %1</source>
        <translation>Messung von %1 abgebrochen</translation>
    </message>
    <message>
        <source>%1: not started</source>
        <translation>%1: nicht begonnen</translation>
    </message>
    <message>
        <source> (partial)</source>
        <translation> (unvollständig)</translation>
    </message>
    <message>
        <source>stopped: %1</source>
        <translation>angehalten: %1</translation>
    </message>
    <message>
        <source>cancelling; what was measured stays in the project</source>
        <translation>breche ab; das bereits Gemessene bleibt im Projekt</translation>
    </message>
    <message>
        <source>%1: %p%</source>
        <translation>%1: %p%</translation>
    </message>
    <message>
        <source>%1: waiting</source>
        <translation>%1: wartet</translation>
    </message>
</context>
<context>
    <name>cleave::plots::ClusterTimelinePlot</name>
    <message>
        <source>Time from the inference's start (ms)</source>
        <translation>Zeit ab Beginn der Inferenz (ms)</translation>
    </message>
    <message>
        <source>Planned (outline)</source>
        <translation>Geplant (Umriss)</translation>
    </message>
    <message>
        <source>%1 (aggregator)</source>
        <translation>%1 (Aggregator)</translation>
    </message>
    <message>
        <source>One inference, planned: %1</source>
        <translation>Eine Inferenz, geplant: %1</translation>
    </message>
    <message>
        <source>One inference: %1 measured, %2 planned</source>
        <translation>Eine Inferenz: %1 gemessen, %2 geplant</translation>
    </message>
    <message>
        <source>%1, %2 (round %3, %4): %5 from %6 to %7, %8</source>
        <translation>%1, %2 (Runde %3, %4): %5 von %6 bis %7, %8</translation>
    </message>
    <message>
        <source>%1, %2 (round %3, %4): %5 from %6 to %7</source>
        <translation>%1, %2 (Runde %3, %4): %5 von %6 bis %7</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>geplant</translation>
    </message>
    <message>
        <source>measured</source>
        <translation>gemessen</translation>
    </message>
</context>
<context>
    <name>cleave::gui::ClusterView</name>
    <message>
        <source>Local agents</source>
        <translation>Lokale Agenten</translation>
    </message>
    <message>
        <source>The project's device agents</source>
        <translation>Die Geräte-Agenten des Projekts</translation>
    </message>
    <message>
        <source>Device agents started here, each limited to its CPU share</source>
        <translation>Hier gestartete Geräte-Agenten, jeder auf seinen CPU-Anteil begrenzt</translation>
    </message>
    <message>
        <source>The agents listed with the device role in the Agents panel</source>
        <translation>Die Agenten mit der Rolle device im Agenten-Bereich</translation>
    </message>
    <message>
        <source>Local device agents, each limited to its CPU share</source>
        <translation>Lokale Geräte-Agenten, jeder auf seinen CPU-Anteil begrenzt</translation>
    </message>
    <message>
        <source>The devices that take part, the first checked holding the input; add agents with the device role in the Agents panel</source>
        <translation>Die teilnehmenden Geräte; das erste angehakte hält die Eingabe. Agenten mit der Rolle device im Agenten-Bereich hinzufügen</translation>
    </message>
    <message>
        <source>Stitches the strips and runs the rest of the model</source>
        <translation>Fügt die Streifen zusammen und führt den Rest des Modells aus</translation>
    </message>
    <message>
        <source>The planner's choice</source>
        <translation>Wahl des Planers</translation>
    </message>
    <message>
        <source>One segment</source>
        <translation>Ein Segment</translation>
    </message>
    <message>
        <source>Up to the cut picked</source>
        <translation>Bis zum gewählten Schnitt</translation>
    </message>
    <message>
        <source>One segment, or rounds gathered at the first device when faster</source>
        <translation>Ein Segment, oder Runden, die beim ersten Gerät gesammelt werden, wenn das schneller ist</translation>
    </message>
    <message>
        <source>EdgeDI's partition beside it</source>
        <translation>EdgeDIs Aufteilung daneben</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Device of the last run</source>
        <translation>Gerät des letzten Laufs</translation>
    </message>
    <message>
        <source>Takes part</source>
        <translation>Nimmt teil</translation>
    </message>
    <message>
        <source>What-if slowdown</source>
        <translation>Was-wäre-wenn-Verlangsamung</translation>
    </message>
    <message>
        <source>Plan on the timings of the project's last cluster run: leave a device out or slow it down to see the plan change</source>
        <translation>Auf den Zeiten des letzten Cluster-Laufs im Projekt planen: ein Gerät weglassen oder verlangsamen, um zu sehen, wie sich der Plan ändert</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <source>CPU shares</source>
        <translation>CPU-Anteile</translation>
    </message>
    <message>
        <source>Device agents</source>
        <translation>Geräte-Agenten</translation>
    </message>
    <message>
        <source>Aggregator</source>
        <translation>Aggregator</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Timed runs</source>
        <translation>Gemessene Läufe</translation>
    </message>
    <message>
        <source>Warm-up runs</source>
        <translation>Aufwärmläufe</translation>
    </message>
    <message>
        <source>Device %1's CPU share (cores)</source>
        <translation>CPU-Anteil von Gerät %1 (Kerne)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No agent with the device role in the Agents panel</source>
        <translation>Kein Agent mit der Rolle device im Agenten-Bereich</translation>
    </message>
    <message>
        <source>The first device</source>
        <translation>Das erste Gerät</translation>
    </message>
    <message>
        <source>A local edge agent</source>
        <translation>Ein lokaler Edge-Agent</translation>
    </message>
    <message>
        <source>Edge agent %1</source>
        <translation>Edge-Agent %1</translation>
    </message>
    <message>
        <source>One segment up to cut %1</source>
        <translation>Ein Segment bis Schnitt %1</translation>
    </message>
    <message>
        <source>The cut picked in the cut table</source>
        <translation>Der in der Schnitttabelle gewählte Schnitt</translation>
    </message>
    <message>
        <source>Pick a cut in the cut table first</source>
        <translation>Zuerst einen Schnitt in der Schnitttabelle wählen</translation>
    </message>
    <message>
        <source>%1 inferences stored</source>
        <translation>%1 Inferenzen gespeichert</translation>
    </message>
    <message>
        <source>%1 of %2 inferences</source>
        <translation>%1 von %2 Inferenzen</translation>
    </message>
    <message>
        <source>no plan before running: %1</source>
        <translation>kein Plan vor dem Lauf: %1</translation>
    </message>
    <message>
        <source>the project's last cluster run of this model: %1 inferences over %2 devices; change the table, the link or the plan to see the plan instead</source>
        <translation>der letzte Cluster-Lauf dieses Modells im Projekt: %1 Inferenzen über %2 Geräte; Tabelle, Verbindung oder Plan ändern, um stattdessen den Plan zu sehen</translation>
    </message>
    <message>
        <source>no plan: %1</source>
        <translation>kein Plan: %1</translation>
    </message>
    <message>
        <source>Check two device agents or more under Device agents (add them in the Agents panel with the device role).</source>
        <translation>Zwei oder mehr Geräte-Agenten unter Geräte-Agenten anhaken (im Agenten-Bereich mit der Rolle device hinzufügen).</translation>
    </message>
    <message>
        <source>Open a model first.</source>
        <translation>Öffnen Sie zuerst ein Modell.</translation>
    </message>
    <message>
        <source>CPU share %1</source>
        <translation>CPU-Anteil %1</translation>
    </message>
    <message>
        <source>running %1 over %2 devices (%3) on %4, %5</source>
        <translation>%1 läuft über %2 Geräte (%3) auf %4, %5</translation>
    </message>
    <message>
        <source>done: %1</source>
        <translation>fertig: %1</translation>
    </message>
    <message>
        <source>stopped: %1</source>
        <translation>angehalten: %1</translation>
    </message>
    <message>
        <source>cancelling: the calls in progress end, what was measured stays in the project</source>
        <translation>Abbruch: laufende Aufrufe enden, das Gemessene bleibt im Projekt</translation>
    </message>
    <message>
        <source>Cancelling...</source>
        <translation>Wird abgebrochen ...</translation>
    </message>
</context>
<context>
    <name>cleave::gui::CutTableModel</name>
    <message>
        <source>Split</source>
        <translation>Schnitt</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Tensors</source>
        <translation>Tensoren</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
</context>
<context>
    <name>cleave::gui::ErrorText</name>
    <message>
        <source>device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>edge</source>
        <translation>Edge</translation>
    </message>
    <message>
        <source>cloud</source>
        <translation>Cloud</translation>
    </message>
    <message>
        <source>Tiers %1</source>
        <translation>Ebenen %1</translation>
    </message>
    <message>
        <source>Minimum split %1</source>
        <translation>Kleinster Schnitt %1</translation>
    </message>
    <message>
        <source>block %1 pinned to the %2</source>
        <translation>Block %1 fest auf Ebene %2</translation>
    </message>
    <message>
        <source>block %1 kept off the %2</source>
        <translation>Block %1 nie auf Ebene %2</translation>
    </message>
    <message>
        <source>tier %1 required</source>
        <translation>Ebene %1 verlangt</translation>
    </message>
    <message>
        <source>tier %1 unused</source>
        <translation>Ebene %1 ungenutzt</translation>
    </message>
    <message>
        <source>resource %1 required</source>
        <translation>Ressource %1 verlangt</translation>
    </message>
    <message>
        <source>resource %1 excluded</source>
        <translation>Ressource %1 ausgeschlossen</translation>
    </message>
    <message>
        <source>Maximum upload %1</source>
        <translation>Größter Upload %1</translation>
    </message>
    <message>
        <source>Maximum device memory %1</source>
        <translation>Größter Gerätespeicher %1</translation>
    </message>
    <message>
        <source>Maximum device time %1</source>
        <translation>Längste Gerätezeit %1</translation>
    </message>
    <message>
        <source>Maximum latency %1</source>
        <translation>Längste Latenz %1</translation>
    </message>
    <message>
        <source>Maximum accuracy drop %1</source>
        <translation>Maximaler Genauigkeitsverlust %1</translation>
    </message>
    <message>
        <source>ranking length %1</source>
        <translation>Länge der Rangliste %1</translation>
    </message>
    <message>
        <source>No timings of %1 cut this way: the project has them cut at %2; choose that under Cuts in the Model dock, or measure it in the Benchmark panel.</source>
        <translation>Keine Zeiten von %1 bei dieser Schnittwahl: das Projekt hat sie geschnitten an %2; wählen Sie das unter Schnitte im Modell-Bereich oder messen Sie es im Benchmark-Bereich.</translation>
    </message>
    <message>
        <source>every node</source>
        <translation>jedem Knoten</translation>
    </message>
    <message>
        <source>its blocks</source>
        <translation>seinen Blöcken</translation>
    </message>
    <message>
        <source>No timings of %1 in this project yet: measure it in the Benchmark panel.</source>
        <translation>Dieses Projekt hat noch keine Zeiten von %1: messen Sie es im Benchmark-Bereich.</translation>
    </message>
    <message>
        <source>No %1 agent has measured %2 yet: add one in the Agents panel and measure the model in the Benchmark panel.</source>
        <translation>Noch kein Agent der Ebene %1 hat %2 gemessen: fügen Sie einen im Agenten-Bereich hinzu und messen Sie das Modell im Benchmark-Bereich.</translation>
    </message>
    <message>
        <source>Codec %1 was not measured on %2: add it under Codecs in the Benchmark panel and measure again.</source>
        <translation>Codec %1 wurde auf %2 nicht gemessen: tragen Sie ihn im Benchmark-Bereich unter Codecs ein und messen Sie erneut.</translation>
    </message>
    <message>
        <source>No Transfer Layer timings of %1: add one under Transfer Layers in the Benchmark panel and measure again.</source>
        <translation>Keine Zeiten eines Transfer Layers für %1: tragen Sie einen im Benchmark-Bereich unter Transfer Layer ein und messen Sie erneut.</translation>
    </message>
    <message>
        <source>Transfer Layer %1 was not measured for %2: add it under Transfer Layers in the Benchmark panel and measure again.</source>
        <translation>Transfer Layer %1 wurde für %2 nicht gemessen: tragen Sie ihn im Benchmark-Bereich unter Transfer Layer ein und messen Sie erneut.</translation>
    </message>
    <message>
        <source>%1 is out of range %2..%3</source>
        <translation>%1 liegt außerhalb von %2..%3</translation>
    </message>
    <message>
        <source>%1 must be zero or more</source>
        <translation>%1 muss null oder größer sein</translation>
    </message>
    <message>
        <source>%1 must be positive</source>
        <translation>%1 muss positiv sein</translation>
    </message>
    <message>
        <source>No split meets %1 with %2.</source>
        <translation>Kein Schnitt erfüllt %1 mit %2.</translation>
    </message>
    <message>
        <source>%1 and %2 exclude each other: no split meets both.</source>
        <translation>%1 und %2 schließen einander aus: kein Schnitt erfüllt beide.</translation>
    </message>
    <message>
        <source>No split meets all of: %1.</source>
        <translation>Kein Schnitt erfüllt alles zugleich: %1.</translation>
    </message>
    <message>
        <source>No accuracy of %1 measured in this project: measure it with cleave-cli accuracy on the project file, or clear %2.</source>
        <translation>Keine Genauigkeit von %1 in diesem Projekt gemessen: mit cleave-cli accuracy auf der Projektdatei messen oder %2 zurücksetzen.</translation>
    </message>
    <message>
        <source>No split meets %1: the least drop measured on %2 is %3 (split %4).</source>
        <translation>Kein Schnitt erfüllt %1: der kleinste auf %2 gemessene Verlust ist %3 (Schnitt %4).</translation>
    </message>
    <message>
        <source>No split meets %1: none of the %2 that meet the other constraints has a measured accuracy.</source>
        <translation>Kein Schnitt erfüllt %1: keine der %2 Konfigurationen, die die übrigen Bedingungen erfüllen, hat eine gemessene Genauigkeit.</translation>
    </message>
</context>
<context>
    <name>cleave::gui::ExportWizard</name>
    <message>
        <source>Export a Split</source>
        <translation>Schnitt exportieren</translation>
    </message>
    <message>
        <source>Split and Transfer Layer</source>
        <translation>Schnitt und Transfer Layer</translation>
    </message>
    <message>
        <source>Blocks before the split run on the device, the rest on the edge.</source>
        <translation>Blöcke vor dem Schnitt laufen auf dem Gerät, der Rest auf dem Edge-Server.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Schnitt</translation>
    </message>
    <message>
        <source>Transfer Layer</source>
        <translation>Transfer Layer</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>Fine-tuning</source>
        <translation>Feinabstimmung</translation>
    </message>
    <message>
        <source>Optional: train the model with its Transfer Layer on a data set (SGD, momentum 0.9), so the reduced tensor keeps its accuracy.</source>
        <translation>Optional: Das Modell mit seinem Transfer Layer auf einem Datensatz trainieren (SGD, Momentum 0,9), damit der verkleinerte Tensor seine Genauigkeit behält.</translation>
    </message>
    <message>
        <source>Fine-tune the Transfer Layer</source>
        <translation>Transfer Layer feinabstimmen</translation>
    </message>
    <message>
        <source>fashion-mnist (the Debian package), a folder of IDX files, or an ImageFolder</source>
        <translation>fashion-mnist (das Debian-Paket), ein Ordner mit IDX-Dateien oder ein ImageFolder</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>Train only the TL and the layers after the split</source>
        <translation>Nur den TL und die Schichten nach dem Schnitt trainieren</translation>
    </message>
    <message>
        <source>Data set</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>Training images</source>
        <translation>Trainingsbilder</translation>
    </message>
    <message>
        <source>Test images</source>
        <translation>Testbilder</translation>
    </message>
    <message>
        <source>Give a data set to fine-tune on.</source>
        <translation>Geben Sie einen Datensatz für die Feinabstimmung an.</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>The bundle: manifest, device head, edge tail and a Triton model repository, written to a new folder.</source>
        <translation>Das Paket: Manifest, Geräteteil, Edge-Teil und ein Triton-Modell-Repository, in einen neuen Ordner geschrieben.</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>Durchsuchen...</translation>
    </message>
    <message>
        <source>Replace the folder if it is not empty</source>
        <translation>Ordner ersetzen, falls er nicht leer ist</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Predict the latency on</source>
        <translation>Latenz vorhersagen für</translation>
    </message>
    <message>
        <source>Folder to Put the Bundle In</source>
        <translation>Ordner, in den das Paket kommt</translation>
    </message>
    <message>
        <source>%1: is a file, not a folder</source>
        <translation>%1: ist eine Datei, kein Ordner</translation>
    </message>
    <message>
        <source>%1: exists and is not empty; choose another folder or replace it</source>
        <translation>%1: existiert und ist nicht leer; wählen Sie einen anderen Ordner oder ersetzen Sie ihn</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Not measured in this project (cleave-cli accuracy measures it)</source>
        <translation>In diesem Projekt nicht gemessen (cleave-cli accuracy misst sie)</translation>
    </message>
    <message>
        <source>top-1 %1, %2 lost</source>
        <translation>Top-1 %1, %2 Verlust</translation>
    </message>
    <message>
        <source>%1 on %2 (the model unsplit)</source>
        <translation>%1 auf %2 (das Modell ungeteilt)</translation>
    </message>
    <message>
        <source>Split %1 with %2 not measured on %3</source>
        <translation>Schnitt %1 mit %2 auf %3 nicht gemessen</translation>
    </message>
    <message>
        <source>no Transfer Layer</source>
        <translation>kein Transfer Layer</translation>
    </message>
    <message>
        <source>fine-tuned %1: %2</source>
        <translation>feinabgestimmt %1: %2</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>cancelling; nothing is written</source>
        <translation>breche ab; es wird nichts geschrieben</translation>
    </message>
    <message>
        <source>Exporting split %1 of %2...</source>
        <translation>Exportiere Schnitt %1 von %2...</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Fertig.</translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation>Nicht exportiert: %1</translation>
    </message>
</context>
<context>
    <name>cleave::gui::GraphView</name>
    <message>
        <source>Open a model to see its graph.</source>
        <translation>Ein Modell öffnen, um seinen Graphen zu sehen.</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Zoom in (or turn the wheel over the graph)</source>
        <translation>Vergrößern (oder das Mausrad über dem Graphen drehen)</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Show the whole graph</source>
        <translation>Den ganzen Graphen zeigen</translation>
    </message>
    <message>
        <source>The graph is laid out when shown.</source>
        <translation>Der Graph wird angeordnet, sobald er gezeigt wird.</translation>
    </message>
    <message numerus="yes">
        <source>Laying out %n box(es)...</source>
        <translation><numerusform>Ordne %n Kasten an ...</numerusform>
            <numerusform>Ordne %n Kästen an ...</numerusform>
        </translation>
    </message>
    <message>
        <source>No graph: %1</source>
        <translation>Kein Graph: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n box(es)</source>
        <translation><numerusform>%n Kasten</numerusform>
            <numerusform>%n Kästen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n edge(s)</source>
        <translation><numerusform>%n Kante</numerusform>
            <numerusform>%n Kanten</numerusform>
        </translation>
    </message>
    <message>
        <source>click a box to split after it</source>
        <translation>Klick auf einen Kasten teilt nach ihm</translation>
    </message>
    <message>
        <source>%1
%2
Click: split %3 (everything up to here on the device)</source>
        <translation>%1
%2
Klick: Schnitt %3 (alles bis hier auf dem Gerät)</translation>
    </message>
    <message>
        <source>%1 from %2 to %3</source>
        <translation>%1 von %2 nach %3</translation>
    </message>
    <message>
        <source>sent at the split</source>
        <translation>am Schnitt gesendet</translation>
    </message>
</context>
<context>
    <name>cleave::plots::LatencyStackPlot</name>
    <message>
        <source>Split (blocks before it run on the device)</source>
        <translation>Schnitt (die Blöcke davor laufen auf dem Gerät)</translation>
    </message>
    <message>
        <source>End-to-end latency (ms)</source>
        <translation>Gesamtlatenz (ms)</translation>
    </message>
    <message>
        <source>Measured, ScissionTL</source>
        <translation>Gemessen, ScissionTL</translation>
    </message>
    <message>
        <source>Measured, Scission</source>
        <translation>Gemessen, Scission</translation>
    </message>
    <message>
        <source>Split %1, %2</source>
        <translation>Schnitt %1, %2</translation>
    </message>
    <message>
        <source>Scission</source>
        <translation>Scission</translation>
    </message>
    <message>
        <source>ScissionTL with %1</source>
        <translation>ScissionTL mit %1</translation>
    </message>
    <message>
        <source>ScissionTL (no TL here)</source>
        <translation>ScissionTL (hier kein TL)</translation>
    </message>
    <message>
        <source> — excluded by the constraints</source>
        <translation> — durch die Bedingungen ausgeschlossen</translation>
    </message>
    <message>
        <source>
Total: %1
Sent: %2</source>
        <translation>
Gesamt: %1
Gesendet: %2</translation>
    </message>
    <message>
        <source>
Device memory: %1</source>
        <translation>
Gerätespeicher: %1</translation>
    </message>
    <message>
        <source> — left: Scission, right: ScissionTL (darker)</source>
        <translation> — links: Scission, rechts: ScissionTL (dunkler)</translation>
    </message>
    <message>
        <source> — Scission</source>
        <translation> — Scission</translation>
    </message>
    <message>
        <source> — ScissionTL</source>
        <translation> — ScissionTL</translation>
    </message>
</context>
<context>
    <name>cleave::gui::MainWindow</name>
    <message>
        <source>Plot Size</source>
        <translation>Diagrammgröße</translation>
    </message>
    <message>
        <source> DPI</source>
        <translation> DPI</translation>
    </message>
    <message>
        <source>Width (px at 96 DPI, pt in PDF/SVG)</source>
        <translation>Breite (px bei 96 DPI, pt in PDF/SVG)</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Höhe</translation>
    </message>
    <message>
        <source>Resolution (PNG)</source>
        <translation>Auflösung (PNG)</translation>
    </message>
    <message>
        <source>Benchmark complete: %1</source>
        <translation>Benchmark abgeschlossen: %1</translation>
    </message>
    <message>
        <source>Benchmark stopped: %1</source>
        <translation>Benchmark angehalten: %1</translation>
    </message>
    <message>
        <source>Offloading %1...</source>
        <translation>Lagere %1 aus...</translation>
    </message>
    <message>
        <source>Offload complete: %1</source>
        <translation>Auslagern abgeschlossen: %1</translation>
    </message>
    <message>
        <source>Offload stopped: %1</source>
        <translation>Auslagern angehalten: %1</translation>
    </message>
    <message>
        <source>Running %1 over a cluster...</source>
        <translation>Führe %1 auf einem Cluster aus...</translation>
    </message>
    <message>
        <source>Cluster run complete: %1</source>
        <translation>Cluster-Lauf abgeschlossen: %1</translation>
    </message>
    <message>
        <source>Cluster run stopped: %1</source>
        <translation>Cluster-Lauf angehalten: %1</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Offload</source>
        <translation>Auslagern</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Graph</source>
        <translation>Graph</translation>
    </message>
    <message>
        <source>Open a model to begin.</source>
        <translation>Öffnen Sie ein Modell, um zu beginnen.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Agenten</translation>
    </message>
    <message>
        <source>Benchmark</source>
        <translation>Benchmark</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New Project...</source>
        <translation>&amp;Neues Projekt...</translation>
    </message>
    <message>
        <source>&amp;Open Project...</source>
        <translation>Projekt ö&amp;ffnen...</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>Save Project &amp;As...</source>
        <translation>Projekt speichern &amp;unter...</translation>
    </message>
    <message>
        <source>Open &amp;Model...</source>
        <translation>&amp;Modell öffnen...</translation>
    </message>
    <message>
        <source>Open &amp;Zoo Model...</source>
        <translation>&amp;Zoo-Modell öffnen...</translation>
    </message>
    <message>
        <source>Export &amp;Bundle...</source>
        <translation>&amp;Paket exportieren...</translation>
    </message>
    <message>
        <source>Export &amp;Plot...</source>
        <translation>&amp;Diagramm exportieren...</translation>
    </message>
    <message>
        <source>Export Ran&amp;king...</source>
        <translation>Ran&amp;gliste exportieren...</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;Plot</source>
        <translation>&amp;Diagramm kopieren</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>Follow the &amp;System</source>
        <translation>Wie das &amp;System</translation>
    </message>
    <message>
        <source>The language changes when Cleave starts again.</source>
        <translation>Die Sprache wechselt beim nächsten Start von Cleave.</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Farbschema</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>New Project</source>
        <translation>Neues Projekt</translation>
    </message>
    <message>
        <source>Cleave projects (*.cleave)</source>
        <translation>Cleave-Projekte (*.cleave)</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <source>Save Project As</source>
        <translation>Projekt speichern unter</translation>
    </message>
    <message>
        <source>Open Model</source>
        <translation>Modell öffnen</translation>
    </message>
    <message>
        <source>TorchScript models (*.pt *.pth)</source>
        <translation>TorchScript-Modelle (*.pt *.pth)</translation>
    </message>
    <message>
        <source>Open Zoo Model</source>
        <translation>Zoo-Modell öffnen</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>Export Plot</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)</source>
        <translation>PNG-Bild (*.png);;PDF-Dokument (*.pdf);;SVG-Zeichnung (*.svg)</translation>
    </message>
    <message>
        <source>Plot written to %1</source>
        <translation>Diagramm geschrieben: %1</translation>
    </message>
    <message>
        <source>Export Ranking</source>
        <translation>Rangliste exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation>CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Ranking written to %1</source>
        <translation>Rangliste geschrieben: %1</translation>
    </message>
    <message>
        <source>%1: nothing to export: there is no ranking yet</source>
        <translation>%1: nichts zu exportieren: es gibt noch keine Rangliste</translation>
    </message>
    <message>
        <source>%1: unknown format '%2' (use .csv or .json)</source>
        <translation>%1: unbekanntes Format „%2“ (verwenden Sie .csv oder .json)</translation>
    </message>
    <message>
        <source>%1: cannot write the file (%2)</source>
        <translation>%1: Datei kann nicht geschrieben werden (%2)</translation>
    </message>
    <message>
        <source>Open a model to export a split of it.</source>
        <translation>Öffnen Sie ein Modell, um einen Schnitt davon zu exportieren.</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Plot copied</source>
        <translation>Diagramm kopiert</translation>
    </message>
    <message>
        <source>Nothing to copy: select rows first</source>
        <translation>Nichts zu kopieren: zuerst Zeilen auswählen</translation>
    </message>
    <message>
        <source>Rows copied</source>
        <translation>Zeilen kopiert</translation>
    </message>
    <message>
        <source>Nothing to copy: select text or rows, or click a plot (Copy Plot takes the plots shown)</source>
        <translation>Nichts zu kopieren: Text oder Zeilen auswählen oder ein Diagramm anklicken (Diagramm kopieren nimmt die angezeigten Diagramme)</translation>
    </message>
    <message>
        <source>Opening %1...</source>
        <translation>Öffne %1...</translation>
    </message>
    <message>
        <source>%1: there is no project to save</source>
        <translation>%1: es gibt kein Projekt zu speichern</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>Gespeichert als %1</translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1: %2, %3</translation>
    </message>
    <message>
        <source>Planning with timings from %1</source>
        <translation>Planung mit Zeiten aus %1</translation>
    </message>
    <message>
        <source>Measuring %1...</source>
        <translation>Messe %1...</translation>
    </message>
    <message>
        <source>The device cannot be emulated here (%1): it runs unthrottled, and the plan is a what-if of a device %2 times slower, predicted only.</source>
        <translation>Das Gerät lässt sich hier nicht emulieren (%1): Es läuft ungedrosselt, und der Plan ist eine Was-wäre-wenn-Annahme eines %2-mal langsameren Geräts, nur vorhergesagt.</translation>
    </message>
    <message>
        <source>Measuring %1 as the demo...</source>
        <translation>%1 wird als Demo gemessen...</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>unbenannt</translation>
    </message>
    <message>
        <source>%1 — Cleave</source>
        <translation>%1 — Cleave</translation>
    </message>
    <message>
        <source>%1 — %2 — Cleave</source>
        <translation>%1 — %2 — Cleave</translation>
    </message>
</context>
<context>
    <name>cleave::gui::MessageBar</name>
    <message>
        <source>Close this notice</source>
        <translation>Diesen Hinweis schließen</translation>
    </message>
</context>
<context>
    <name>cleave::gui::ModelView</name>
    <message>
        <source>Blocks (one tensor crosses)</source>
        <translation>Blöcke (ein Tensor kreuzt)</translation>
    </message>
    <message>
        <source>Every node (several tensors may cross)</source>
        <translation>Jeder Knoten (mehrere Tensoren können kreuzen)</translation>
    </message>
    <message>
        <source>No model open.</source>
        <translation>Kein Modell geöffnet.</translation>
    </message>
    <message>
        <source>Where the model may be split. Blocks: where one tensor crosses, as Scission cuts. Every node: between any two operations, sending every tensor still needed after it. Benchmark, plan, offload and export follow this choice.</source>
        <translation>Wo das Modell geteilt werden darf. Blöcke: wo ein Tensor kreuzt, wie Scission schneidet. Jeder Knoten: zwischen zwei beliebigen Operationen; gesendet wird jeder danach noch benötigte Tensor. Benchmark, Plan, Offload und Export folgen dieser Wahl.</translation>
    </message>
    <message>
        <source>Filter by label, operator or shape</source>
        <translation>Nach Bezeichnung, Operator oder Form filtern</translation>
    </message>
    <message>
        <source>&amp;Cuts:</source>
        <translation>&amp;Schnitte:</translation>
    </message>
    <message>
        <source>%1 — %2, input %3</source>
        <translation>%1 — %2, Eingabe %3</translation>
    </message>
</context>
<context>
    <name>cleave::plots::Numbers</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1 GB</translation>
    </message>
    <message>
        <source>%1 Mbit/s</source>
        <translation>%1 Mbit/s</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 points</source>
        <translation>%1 Punkte</translation>
    </message>
    <message numerus="yes">
        <source>%n split(s)</source>
        <translation><numerusform>%n Schnitt</numerusform>
            <numerusform>%n Schnitte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n block(s)</source>
        <translation><numerusform>%n Block</numerusform>
            <numerusform>%n Blöcke</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation><numerusform>%n Lauf</numerusform>
            <numerusform>%n Läufe</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cleave::gui::OffloadView</name>
    <message>
        <source>The selected split</source>
        <translation>Der gewählte Schnitt</translation>
    </message>
    <message>
        <source>Every split (sweep)</source>
        <translation>Jeder Schnitt (Durchlauf)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>No emulation: loopback as it is</source>
        <translation>Keine Emulation: Loopback, wie es ist</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Transfer Layer</source>
        <translation>Transfer Layer</translation>
    </message>
    <message>
        <source>Codec</source>
        <translation>Codec</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Timed runs</source>
        <translation>Gemessene Läufe</translation>
    </message>
    <message>
        <source>Warm-up runs</source>
        <translation>Aufwärmläufe</translation>
    </message>
    <message>
        <source>Open a model first.</source>
        <translation>Öffnen Sie zuerst ein Modell.</translation>
    </message>
    <message>
        <source>offloading %1 (%2) on %3, %4 each</source>
        <translation>lagere %1 aus (%2) über %3, je %4</translation>
    </message>
    <message>
        <source>every split</source>
        <translation>jeder Schnitt</translation>
    </message>
    <message>
        <source>split %1</source>
        <translation>Schnitt %1</translation>
    </message>
    <message>
        <source>%p% (split %1, %2 of %3)</source>
        <translation>%p% (Schnitt %1, %2 von %3)</translation>
    </message>
    <message>
        <source>done: %1</source>
        <translation>fertig: %1</translation>
    </message>
    <message>
        <source>stopped: %1</source>
        <translation>angehalten: %1</translation>
    </message>
    <message>
        <source>The selected split (%1)</source>
        <translation>Der gewählte Schnitt (%1)</translation>
    </message>
    <message>
        <source>cancelling; the runs so far stay in the project</source>
        <translation>breche ab; die bisherigen Läufe bleiben im Projekt</translation>
    </message>
    <message>
        <source>nothing to draw: %1</source>
        <translation>nichts zu zeichnen: %1</translation>
    </message>
</context>
<context>
    <name>cleave::plots::ParetoPlot</name>
    <message>
        <source>End-to-end latency (ms)</source>
        <translation>Gesamtlatenz (ms)</translation>
    </message>
    <message>
        <source>Top-1 accuracy (%)</source>
        <translation>Top-1-Genauigkeit (%)</translation>
    </message>
    <message>
        <source>Pareto front</source>
        <translation>Pareto-Front</translation>
    </message>
    <message>
        <source>No Transfer Layer</source>
        <translation>Kein Transfer Layer</translation>
    </message>
    <message>
        <source>Transfer Layer</source>
        <translation>Transfer Layer</translation>
    </message>
    <message>
        <source>Transfer Layer, fine-tuned</source>
        <translation>Transfer Layer, feinabgestimmt</translation>
    </message>
    <message>
        <source>Selected</source>
        <translation>Ausgewählt</translation>
    </message>
    <message>
        <source>Latency against accuracy</source>
        <translation>Latenz gegen Genauigkeit</translation>
    </message>
    <message>
        <source>no Transfer Layer</source>
        <translation>kein Transfer Layer</translation>
    </message>
    <message>
        <source>%1, fine-tuned %2</source>
        <translation>%1, feinabgestimmt %2</translation>
    </message>
    <message>
        <source>Split %1, %2
%3
Latency: %4</source>
        <translation>Schnitt %1, %2
%3
Latenz: %4</translation>
    </message>
    <message>
        <source>
Top-1: %1, top-5: %2, agreement: %3
Drop: %4 (%5 images of %6)</source>
        <translation>
Top-1: %1, Top-5: %2, Übereinstimmung: %3
Verlust: %4 (%5 Bilder aus %6)</translation>
    </message>
</context>
<context>
    <name>cleave::gui::PlanView</name>
    <message>
        <source>Uplink bandwidth, 1 to 1000 Mbit/s on a log scale</source>
        <translation>Uplink-Bandbreite, 1 bis 1000 Mbit/s, logarithmisch</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Privacy: blocks before this split stay on the device</source>
        <translation>Datenschutz: Blöcke vor diesem Schnitt bleiben auf dem Gerät</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>keine Grenze</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>Memory the device's blocks may need: their weights and the largest activation, as the benchmark measured them</source>
        <translation>Speicher, den die Blöcke des Geräts brauchen dürfen: ihre Gewichte und die größte Aktivierung, wie der Benchmark sie gemessen hat</translation>
    </message>
    <message>
        <source> points</source>
        <translation> Pkt.</translation>
    </message>
    <message>
        <source>device + edge</source>
        <translation>Gerät + Edge</translation>
    </message>
    <message>
        <source>device + edge + cloud</source>
        <translation>Gerät + Edge + Cloud</translation>
    </message>
    <message>
        <source>The link between the edge and the cloud (three tiers)</source>
        <translation>Die Verbindung zwischen Edge und Cloud (drei Ebenen)</translation>
    </message>
    <message>
        <source> Mbit/s</source>
        <translation> Mbit/s</translation>
    </message>
    <message>
        <source>ScissionTL (with Transfer Layers)</source>
        <translation>ScissionTL (mit Transfer Layern)</translation>
    </message>
    <message>
        <source>Scission</source>
        <translation>Scission</translation>
    </message>
    <message>
        <source>How the tensor crosses the link: the codecs the benchmark measured</source>
        <translation>Wie der Tensor die Verbindung überquert: die Codecs, die der Benchmark gemessen hat</translation>
    </message>
    <message>
        <source>Scission and ScissionTL side by side</source>
        <translation>Scission und ScissionTL nebeneinander</translation>
    </message>
    <message>
        <source>Scission only</source>
        <translation>Nur Scission</translation>
    </message>
    <message>
        <source>ScissionTL only</source>
        <translation>Nur ScissionTL</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>How many configurations the ranking lists, and Export Ranking writes</source>
        <translation>Wie viele Konfigurationen die Rangliste zeigt und Rangliste exportieren schreibt</translation>
    </message>
    <message>
        <source>Link preset</source>
        <translation>Verbindungsprofil</translation>
    </message>
    <message>
        <source>Uplink</source>
        <translation>Uplink</translation>
    </message>
    <message>
        <source>Latency (one way)</source>
        <translation>Latenz (einfach)</translation>
    </message>
    <message>
        <source>Ranking</source>
        <translation>Rangfolge</translation>
    </message>
    <message>
        <source>Codec</source>
        <translation>Codec</translation>
    </message>
    <message>
        <source>Plot</source>
        <translation>Diagramm</translation>
    </message>
    <message>
        <source>Minimum split</source>
        <translation>Kleinster Schnitt</translation>
    </message>
    <message>
        <source>Maximum upload</source>
        <translation>Größter Upload</translation>
    </message>
    <message>
        <source>Maximum device time</source>
        <translation>Längste Gerätezeit</translation>
    </message>
    <message>
        <source>Maximum device memory</source>
        <translation>Größter Gerätespeicher</translation>
    </message>
    <message>
        <source>Maximum accuracy drop</source>
        <translation>Max. Genauigkeitsverlust</translation>
    </message>
    <message>
        <source>Tiers</source>
        <translation>Ebenen</translation>
    </message>
    <message>
        <source>Edge–cloud link</source>
        <translation>Edge-Cloud-Verbindung</translation>
    </message>
    <message>
        <source>Benchmark Now</source>
        <translation>Jetzt messen</translation>
    </message>
    <message>
        <source>Measure the open model on the agents, with the Benchmark panel's settings</source>
        <translation>Das geöffnete Modell auf den Agenten messen, mit den Einstellungen des Benchmark-Bereichs</translation>
    </message>
    <message>
        <source>Latency per split</source>
        <translation>Latenz je Schnitt</translation>
    </message>
    <message>
        <source>Latency and accuracy</source>
        <translation>Latenz und Genauigkeit</translation>
    </message>
    <message>
        <source>Top-1 accuracy lost against the unsplit model at most, in percentage points, as measured on %1; configurations not measured are left out</source>
        <translation>Höchstens so viel Top-1-Genauigkeit gegenüber dem ungeteilten Modell verlieren, in Prozentpunkten, gemessen auf %1; nicht gemessene Konfigurationen fallen weg</translation>
    </message>
    <message>
        <source>No accuracy of this model measured in the project: measure it with cleave-cli accuracy MODEL --data DATA --db on the project file</source>
        <translation>Keine Genauigkeit dieses Modells im Projekt gemessen: mit cleave-cli accuracy MODEL --data DATA --db auf der Projektdatei messen</translation>
    </message>
    <message>
        <source>No timings yet: measure the model in the Benchmark panel.</source>
        <translation>Noch keine Zeiten: Messen Sie das Modell im Benchmark-Bereich.</translation>
    </message>
    <message>
        <source> — no Transfer Layer timings: Scission only</source>
        <translation> — keine Transfer-Layer-Zeiten: nur Scission</translation>
    </message>
    <message>
        <source> — accuracy on %1</source>
        <translation> — Genauigkeit auf %1</translation>
    </message>
    <message numerus="yes">
        <source> — %n configuration(s) without a measured accuracy left out</source>
        <translation><numerusform> — %n Konfiguration ohne gemessene Genauigkeit weggelassen</numerusform>
            <numerusform> — %n Konfigurationen ohne gemessene Genauigkeit weggelassen</numerusform>
        </translation>
    </message>
    <message>
        <source> — what-if: the device %1 times slower, predicted</source>
        <translation> — Was-wäre-wenn: das Gerät %1-mal langsamer, vorhergesagt</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source> — no accuracy measured: cleave-cli accuracy measures it</source>
        <translation> — keine Genauigkeit gemessen: cleave-cli accuracy misst sie</translation>
    </message>
    <message>
        <source> — no configuration meets the constraints</source>
        <translation> — keine Konfiguration erfüllt die Bedingungen</translation>
    </message>
</context>
<context>
    <name>cleave::plots::PredictionPlot</name>
    <message>
        <source>Predicted end-to-end latency (ms)</source>
        <translation>Vorhergesagte Gesamtlatenz (ms)</translation>
    </message>
    <message>
        <source>Measured end-to-end latency (ms)</source>
        <translation>Gemessene Gesamtlatenz (ms)</translation>
    </message>
    <message>
        <source>Measured = predicted</source>
        <translation>Gemessen = vorhergesagt</translation>
    </message>
    <message>
        <source>±10 %</source>
        <translation>±10 %</translation>
    </message>
    <message>
        <source>With Transfer Layer</source>
        <translation>Mit Transfer Layer</translation>
    </message>
    <message>
        <source>Without</source>
        <translation>Ohne</translation>
    </message>
    <message>
        <source>Predicted versus measured</source>
        <translation>Vorhergesagt gegen gemessen</translation>
    </message>
    <message>
        <source>%1 on %2 — predicted versus measured: median error %3, worst %4</source>
        <translation>%1 über %2 — vorhergesagt gegen gemessen: Median-Fehler %3, größter %4</translation>
    </message>
</context>
<context>
    <name>cleave::gui::RankingModel</name>
    <message>
        <source>%1 ft</source>
        <translation>%1 fa</translation>
    </message>
    <message>
        <source>No accuracy measured for this configuration: measure it with cleave-cli accuracy on the project file</source>
        <translation>Für diese Konfiguration keine Genauigkeit gemessen: mit cleave-cli accuracy auf der Projektdatei messen</translation>
    </message>
    <message>
        <source>Top-1 %1, top-5 %2, agreement with the unsplit model %3; %4 lost, on %5 images of %6</source>
        <translation>Top-1 %1, Top-5 %2, Übereinstimmung mit dem ungeteilten Modell %3; %4 Verlust, auf %5 Bildern aus %6</translation>
    </message>
    <message>
        <source>; TL fine-tuned: %1</source>
        <translation>; TL feinabgestimmt: %1</translation>
    </message>
    <message>
        <source>Split %1 on %2</source>
        <translation>Schnitt %1 auf %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Schnitt</translation>
    </message>
    <message>
        <source>TL</source>
        <translation>TL</translation>
    </message>
    <message>
        <source>Total ms</source>
        <translation>Gesamt ms</translation>
    </message>
    <message>
        <source>Device ms</source>
        <translation>Gerät ms</translation>
    </message>
    <message>
        <source>Uplink ms</source>
        <translation>Uplink ms</translation>
    </message>
    <message>
        <source>Edge ms</source>
        <translation>Edge ms</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>Upload</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>Ressourcen</translation>
    </message>
</context>
<context>
    <name>cleave::plots::ShareBar</name>
    <message>
        <source>Inference</source>
        <translation>Inferenz</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Rows per device</source>
        <translation>Zeilen pro Gerät</translation>
    </message>
</context>
<context>
    <name>cleave::plots::SpeedupPlot</name>
    <message>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <source>Speed-up</source>
        <translation>Faktor</translation>
    </message>
    <message>
        <source>Bound</source>
        <translation>Grenze</translation>
    </message>
    <message>
        <source>Cleave, planned</source>
        <translation>Cleave, geplant</translation>
    </message>
    <message>
        <source>EdgeDI, planned</source>
        <translation>EdgeDI, geplant</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>Gemessen</translation>
    </message>
    <message>
        <source>Speed-up over the fastest device alone</source>
        <translation>Beschleunigung gegenüber dem schnellsten Gerät allein</translation>
    </message>
</context>
<context>
    <name>cleave::gui::StartPage</name>
    <message>
        <source>&lt;h2&gt;Cleave&lt;/h2&gt;Plan split DNN inference between device, edge and cloud: open a model, measure it on your machines, and see where to cut it.</source>
        <translation>&lt;h2&gt;Cleave&lt;/h2&gt;Geteilte DNN-Inferenz zwischen Gerät, Edge und Cloud planen: ein Modell öffnen, auf Ihren Rechnern messen und sehen, wo es zu schneiden ist.</translation>
    </message>
    <message>
        <source>Open Model File...</source>
        <translation>Modelldatei öffnen...</translation>
    </message>
    <message>
        <source>Open Project...</source>
        <translation>Projekt öffnen...</translation>
    </message>
    <message>
        <source>New Project...</source>
        <translation>Neues Projekt...</translation>
    </message>
    <message>
        <source>Try It: ResNet-18 on a Slow Device beside a Fast Edge</source>
        <translation>Ausprobieren: ResNet-18 auf einem langsamen Gerät neben einem schnellen Edge</translation>
    </message>
    <message>
        <source>Opens ResNet-18 from the zoo and measures it on a device and an edge agent started on this machine</source>
        <translation>Öffnet ResNet-18 aus dem Zoo und misst es auf einem Geräte- und einem Edge-Agenten, die auf diesem Rechner gestartet werden</translation>
    </message>
    <message>
        <source>Zoo model</source>
        <translation>Zoo-Modell</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>Architektur</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>Klassen</translation>
    </message>
    <message>
        <source>Double-click to open a model; its weights are seeded, not trained</source>
        <translation>Doppelklick öffnet ein Modell; seine Gewichte sind zufällig initialisiert, nicht trainiert</translation>
    </message>
    <message>
        <source>Double-click to open a project</source>
        <translation>Doppelklick öffnet ein Projekt</translation>
    </message>
    <message>
        <source>Zoo models</source>
        <translation>Zoo-Modelle</translation>
    </message>
    <message>
        <source>Recent projects</source>
        <translation>Zuletzt geöffnete Projekte</translation>
    </message>
</context>
<context>
    <name>cleave::plots::TransferSizePlot</name>
    <message>
        <source>Split</source>
        <translation>Schnitt</translation>
    </message>
    <message>
        <source>Sent (log scale)</source>
        <translation>Gesendet (logarithmisch)</translation>
    </message>
    <message>
        <source>Codec</source>
        <translation>Codec</translation>
    </message>
    <message>
        <source>Transfer Layer</source>
        <translation>Transfer Layer</translation>
    </message>
    <message>
        <source>Raw tensor</source>
        <translation>Roher Tensor</translation>
    </message>
    <message>
        <source>Transfer size per split</source>
        <translation>Übertragungsgröße je Schnitt</translation>
    </message>
    <message>
        <source>%1 — transfer size per split</source>
        <translation>%1 — Übertragungsgröße je Schnitt</translation>
    </message>
</context>
<context>
    <name>cleave::gui::ClusterWork</name>
    <message>
        <source>starting %1 local device agents</source>
        <translation>starte %1 lokale Geräte-Agenten</translation>
    </message>
    <message>
        <source>%1 inferences, median %2 ms (%3 ms planned); the strips' median makespan %4 ms, %5x the fastest device alone on the same blocks (bound %6x)</source>
        <translation>%1 Inferenzen, Median %2 ms (%3 ms geplant); Median-Makespan der Streifen %4 ms, %5x das schnellste Gerät allein auf denselben Blöcken (Grenze %6x)</translation>
    </message>
    <message>
        <source>; EdgeDI's partition: median makespan %1 ms</source>
        <translation>; EdgeDIs Aufteilung: Median-Makespan %1 ms</translation>
    </message>
</context>
<context>
    <name>cleave::gui::ModelLoading</name>
    <message>
        <source>wrote %1: split %2%3, %4 on the wire</source>
        <translation>%1 geschrieben: Schnitt %2%3, %4 übertragen</translation>
    </message>
    <message>
        <source>model as it is: top-1 %1; with %2 before fine-tuning: top-1 %3</source>
        <translation>Modell unverändert: Top-1 %1; mit %2 vor der Feinabstimmung: Top-1 %3</translation>
    </message>
    <message>
        <source>epoch %1/%2: loss %3, test top-1 %4, top-5 %5</source>
        <translation>Epoche %1/%2: Verlust %3, Test Top-1 %4, Top-5 %5</translation>
    </message>
    <message>
        <source>, predicted %1 (%2)</source>
        <translation>, vorhergesagt %1 (%2)</translation>
    </message>
</context>
<context>
    <name>cleave::gui::ProjectWork</name>
    <message>
        <source>'%1' is not HOST:PORT</source>
        <translation>„%1“ ist nicht HOST:PORT</translation>
    </message>
    <message>
        <source>'%1': port %2 is outside 1-65535</source>
        <translation>„%1“: Port %2 liegt außerhalb von 1-65535</translation>
    </message>
    <message>
        <source>%1@%2, %3 cores, %4 threads, LibTorch %5, %6</source>
        <translation>%1@%2, %3 Kerne, %4 Threads, LibTorch %5, %6</translation>
    </message>
    <message>
        <source>starting the local agents</source>
        <translation>starte die lokalen Agenten</translation>
    </message>
    <message>
        <source>%1 run %2 (%3, whole model %4)</source>
        <translation>%1 Lauf %2 (%3, ganzes Modell %4)</translation>
    </message>
    <message>
        <source>split %1%2: measured %3</source>
        <translation>Schnitt %1%2: gemessen %3</translation>
    </message>
    <message>
        <source>, predicted %1 (%2)</source>
        <translation>, vorhergesagt %1 (%2)</translation>
    </message>
    <message>
        <source>%1 offloaded</source>
        <translation>%1 ausgelagert</translation>
    </message>
    <message>
        <source>; prediction error: median %1, worst %2</source>
        <translation>; Vorhersagefehler: Median %1, größter %2</translation>
    </message>
</context>
<context>
    <name>cleave::plots::Parts</name>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>DeviceTL</source>
        <translation>Geräte-TL</translation>
    </message>
    <message>
        <source>Serialise</source>
        <translation>Serialisieren</translation>
    </message>
    <message>
        <source>Uplink</source>
        <translation>Uplink</translation>
    </message>
    <message>
        <source>Deserialise</source>
        <translation>Deserialisieren</translation>
    </message>
    <message>
        <source>EdgeTL</source>
        <translation>Edge-TL</translation>
    </message>
    <message>
        <source>Edge</source>
        <translation>Edge</translation>
    </message>
    <message>
        <source>Edge to cloud</source>
        <translation>Edge zur Cloud</translation>
    </message>
    <message>
        <source>Cloud</source>
        <translation>Cloud</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Rückweg</translation>
    </message>
</context>
<context>
    <name>cleave::plots::PlotExport</name>
    <message>
        <source>%1: a plot of %2 x %3 is outside 16 to 20000 on a side</source>
        <translation>%1: ein Diagramm von %2 x %3 liegt außerhalb von 16 bis 20000 je Seite</translation>
    </message>
    <message>
        <source>%1: %2 DPI is outside 24 to 1200</source>
        <translation>%1: %2 DPI liegt außerhalb von 24 bis 1200</translation>
    </message>
    <message>
        <source>%1: cannot write the PNG file</source>
        <translation>%1: PNG-Datei kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>%1: unknown image format '%2' (use .png, .pdf or .svg)</source>
        <translation>%1: unbekanntes Bildformat „%2“ (verwenden Sie .png, .pdf oder .svg)</translation>
    </message>
    <message>
        <source>%1: cannot write the file (%2)</source>
        <translation>%1: Datei kann nicht geschrieben werden (%2)</translation>
    </message>
    <message>
        <source>Cleave plot</source>
        <translation>Cleave-Diagramm</translation>
    </message>
    <message>
        <source>%1: cannot write the file</source>
        <translation>%1: Datei kann nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>cleave::plots::Spans</name>
    <message>
        <source>Receive</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>Rechnen</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Stitch</source>
        <translation>Zusammenfügen</translation>
    </message>
    <message>
        <source>Rest of the model</source>
        <translation>Rest des Modells</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Rückweg</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Plan split DNN inference between device, edge and cloud.</source>
        <translation>Geteilte DNN-Inferenz zwischen Gerät, Edge und Cloud planen.</translation>
    </message>
    <message>
        <source>a .cleave project (timings from cleave-cli bench)</source>
        <translation>ein .cleave-Projekt (Zeiten aus cleave-cli bench)</translation>
    </message>
    <message>
        <source>save the window to FILE (PNG) once the plan is drawn, then quit</source>
        <translation>das Fenster nach dem Zeichnen des Plans als DATEI (PNG) speichern, dann beenden</translation>
    </message>
    <message>
        <source>print how long the window took to become interactive, then quit</source>
        <translation>ausgeben, wie lange das Fenster bis zur Bedienbarkeit brauchte, dann beenden</translation>
    </message>
    <message>
        <source>colours: system, light or dark (kept for next time)</source>
        <translation>Farben: system, light oder dark (wird gemerkt)</translation>
    </message>
    <message>
        <source>language: system, en, de or ko (kept for next time)</source>
        <translation>Sprache: system, en, de oder ko (wird gemerkt)</translation>
    </message>
    <message>
        <source>Displays version information.</source>
        <translation>Zeigt die Versionsinformationen an.</translation>
    </message>
    <message>
        <source>TorchScript file or zoo:NAME; a .cleave project alone opens it with the model it was last planned with</source>
        <translation>TorchScript-Datei oder zoo:NAME; ein .cleave-Projekt allein öffnet es mit dem Modell, mit dem es zuletzt geplant wurde</translation>
    </message>
    <message>
        <source>open on the plan, the offload, the cluster or the graph view</source>
        <translation>mit der Plan-, Auslagerungs-, Cluster- oder Graphansicht öffnen</translation>
    </message>
</context>
</TS>
