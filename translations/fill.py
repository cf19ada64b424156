#!/usr/bin/env python3
# Fills translations/cleave_{de,ko,en}.ts from the tables below; `update_translations` runs it
# after lupdate has added new source texts. Usage: python3 translations/fill.py
# A text missing from a table stays unfinished, and the translation test reports it.
import os
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))

DE = {
    "No timings of %1 cut this way: the project has them cut at %2; choose that under Cuts in the Model dock, or measure it in the Benchmark panel.":
        "Keine Zeiten von %1 bei dieser Schnittwahl: das Projekt hat sie geschnitten an %2; wählen Sie das unter Schnitte im Modell-Bereich oder messen Sie es im Benchmark-Bereich.",
    "every node": "jedem Knoten",
    "its blocks": "seinen Blöcken",
    "sent at the split": "am Schnitt gesendet",
    "Open a model to see its graph.": "Ein Modell öffnen, um seinen Graphen zu sehen.",
    "Zoom In": "Vergrößern",
    "Zoom in (or turn the wheel over the graph)": "Vergrößern (oder das Mausrad über dem Graphen drehen)",
    "Zoom Out": "Verkleinern",
    "Zoom out": "Verkleinern",
    "Fit": "Einpassen",
    "Show the whole graph": "Den ganzen Graphen zeigen",
    "The graph is laid out when shown.": "Der Graph wird angeordnet, sobald er gezeigt wird.",
    "Laying out %n box(es)...": ("Ordne %n Kasten an ...", "Ordne %n Kästen an ..."),
    "No graph: %1": "Kein Graph: %1",
    "%n box(es)": ("%n Kasten", "%n Kästen"),
    "%n edge(s)": ("%n Kante", "%n Kanten"),
    "click a box to split after it": "Klick auf einen Kasten teilt nach ihm",
    "%1\n%2\nClick: split %3 (everything up to here on the device)": "%1\n%2\nKlick: Schnitt %3 (alles bis hier auf dem Gerät)",
    "%1 from %2 to %3": "%1 von %2 nach %3",
    "Graph": "Graph",
    "open on the plan, the offload, the cluster or the graph view": "mit der Plan-, Auslagerungs-, Cluster- oder Graphansicht öffnen",
    "Tensors":
        "Tensoren",
    "Blocks (one tensor crosses)":
        "Blöcke (ein Tensor kreuzt)",
    "Every node (several tensors may cross)":
        "Jeder Knoten (mehrere Tensoren können kreuzen)",
    "Where the model may be split. Blocks: where one tensor crosses, as Scission cuts. Every node: between any two operations, sending every tensor still needed after it. Benchmark, plan, offload and export follow this choice.":
        "Wo das Modell geteilt werden darf. Blöcke: wo ein Tensor kreuzt, wie Scission schneidet. Jeder Knoten: zwischen zwei beliebigen Operationen; gesendet wird jeder danach noch benötigte Tensor. Benchmark, Plan, Offload und Export folgen dieser Wahl.",
    "&Cuts:":
        "&Schnitte:",
    "%1 inferences, median %2 ms (%3 ms planned); the strips' median makespan %4 ms, %5x the fastest device alone on the same blocks (bound %6x)":
        "%1 Inferenzen, Median %2 ms (%3 ms geplant); Median-Makespan der Streifen %4 ms, %5x das schnellste Gerät allein auf denselben Blöcken (Grenze %6x)",
    "; EdgeDI's partition: median makespan %1 ms":
        "; EdgeDIs Aufteilung: Median-Makespan %1 ms",
    "%1 inferences stored":
        "%1 Inferenzen gespeichert",
    "%1: %2":
        "%1: %2",
    "Cancelling...":
        "Wird abgebrochen ...",
    "cancelling: the calls in progress end, what was measured stays in the project":
        "Abbruch: laufende Aufrufe enden, das Gemessene bleibt im Projekt",
    "Local agents":
        "Lokale Agenten",
    "The project's device agents":
        "Die Geräte-Agenten des Projekts",
    "Device agents started here, each limited to its CPU share":
        "Hier gestartete Geräte-Agenten, jeder auf seinen CPU-Anteil begrenzt",
    "The agents listed with the device role in the Agents panel":
        "Die Agenten mit der Rolle device im Agenten-Bereich",
    "The devices that take part, the first checked holding the input; add agents with the device role in the Agents panel":
        "Die teilnehmenden Geräte; das erste angehakte hält die Eingabe. Agenten mit der Rolle device im Agenten-Bereich hinzufügen",
    "Stitches the strips and runs the rest of the model":
        "Fügt die Streifen zusammen und führt den Rest des Modells aus",
    "Up to the cut picked":
        "Bis zum gewählten Schnitt",
    "Device agents":
        "Geräte-Agenten",
    "Aggregator":
        "Aggregator",
    "No agent with the device role in the Agents panel":
        "Kein Agent mit der Rolle device im Agenten-Bereich",
    "The first device":
        "Das erste Gerät",
    "A local edge agent":
        "Ein lokaler Edge-Agent",
    "Edge agent %1":
        "Edge-Agent %1",
    "One segment up to cut %1":
        "Ein Segment bis Schnitt %1",
    "The cut picked in the cut table":
        "Der in der Schnitttabelle gewählte Schnitt",
    "Pick a cut in the cut table first":
        "Zuerst einen Schnitt in der Schnitttabelle wählen",
    "Check two device agents or more under Device agents (add them in the Agents panel with the device role).":
        "Zwei oder mehr Geräte-Agenten unter Geräte-Agenten anhaken (im Agenten-Bereich mit der Rolle device hinzufügen).",
    "CPU share %1":
        "CPU-Anteil %1",
    "running %1 over %2 devices (%3) on %4, %5":
        "%1 läuft über %2 Geräte (%3) auf %4, %5",
    "the project's last cluster run of this model: %1 inferences over %2 devices; change the table, the link or the plan to see the plan instead":
        "der letzte Cluster-Lauf dieses Modells im Projekt: %1 Inferenzen über %2 Geräte; Tabelle, Verbindung oder Plan ändern, um stattdessen den Plan zu sehen",
    "open on the plan, the offload or the cluster view":
        "mit der Plan-, der Auslagerungs- oder der Cluster-Ansicht öffnen",
    "Device of the last run":
        "Gerät des letzten Laufs",
    "Takes part":
        "Nimmt teil",
    "What-if slowdown":
        "Was-wäre-wenn-Verlangsamung",
    "Plan on the timings of the project's last cluster run: leave a device out or slow it down to see the plan change":
        "Auf den Zeiten des letzten Cluster-Laufs im Projekt planen: ein Gerät weglassen oder verlangsamen, um zu sehen, wie sich der Plan ändert",
    "no plan before running: %1":
        "kein Plan vor dem Lauf: %1",
    "no plan: %1":
        "kein Plan: %1",
    "Time from the inference's start (ms)":
        "Zeit ab Beginn der Inferenz (ms)",
    "Planned (outline)":
        "Geplant (Umriss)",
    "%1 (aggregator)":
        "%1 (Aggregator)",
    "One inference, planned: %1":
        "Eine Inferenz, geplant: %1",
    "One inference: %1 measured, %2 planned":
        "Eine Inferenz: %1 gemessen, %2 geplant",
    "%1, %2 (round %3, %4): %5 from %6 to %7":
        "%1, %2 (Runde %3, %4): %5 von %6 bis %7",
    "%1, %2 (round %3, %4): %5 from %6 to %7, %8":
        "%1, %2 (Runde %3, %4): %5 von %6 bis %7, %8",
    "planned":
        "geplant",
    "measured":
        "gemessen",
    "Local device agents, each limited to its CPU share":
        "Lokale Geräte-Agenten, jeder auf seinen CPU-Anteil begrenzt",
    "The planner's choice":
        "Wahl des Planers",
    "One segment":
        "Ein Segment",
    "One segment, or rounds gathered at the first device when faster":
        "Ein Segment, oder Runden, die beim ersten Gerät gesammelt werden, wenn das schneller ist",
    "EdgeDI's partition beside it":
        "EdgeDIs Aufteilung daneben",
    "Devices":
        "Geräte",
    "CPU shares":
        "CPU-Anteile",
    "Device %1's CPU share (cores)":
        "CPU-Anteil von Gerät %1 (Kerne)",
    "%1 of %2 inferences":
        "%1 von %2 Inferenzen",
    "running %1 over %2 devices (CPU shares %3) on %4, %5":
        "führe %1 auf %2 Geräten aus (CPU-Anteile %3) über %4, %5",
    "cancelling after the inference in flight; what was measured stays in the project":
        "breche nach der laufenden Inferenz ab; was gemessen wurde, bleibt im Projekt",
    "Running %1 over a cluster...":
        "Führe %1 auf einem Cluster aus...",
    "Cluster run complete: %1":
        "Cluster-Lauf abgeschlossen: %1",
    "Cluster run stopped: %1":
        "Cluster-Lauf angehalten: %1",
    "Cluster":
        "Cluster",
    "Inference":
        "Inferenz",
    "Rows":
        "Zeilen",
    "Rows per device":
        "Zeilen pro Gerät",
    "Speed-up over the fastest device alone":
        "Beschleunigung gegenüber dem schnellsten Gerät allein",
    "Bound":
        "Grenze",
    "Cleave, planned":
        "Cleave, geplant",
    "EdgeDI, planned":
        "EdgeDI, geplant",
    "Measured":
        "Gemessen",
    "Speed-up":
        "Faktor",
    "starting %1 local device agents":
        "starte %1 lokale Geräte-Agenten",
    "%1 inferences, median makespan %2 ms; speed-up %3x of a bound of %4x":
        "%1 Inferenzen, Median der Makespan %2 ms; Beschleunigung %3x bei einer Grenze von %4x",
    "Receive":
        "Empfangen",
    "Compute":
        "Rechnen",
    "Send":
        "Senden",
    "Stitch":
        "Zusammenfügen",
    "Rest of the model":
        "Rest des Modells",
    "The file that holds the agent's token (kept with permissions 0600), or %1 for the system keychain; the project stores only this":
        "Die Datei mit dem Token des Agenten (mit den Rechten 0600) oder %1 für den Schlüsselbund des Systems; das Projekt speichert nur dies",
    "Keychain...": "Schlüsselbund...",
    "Keep the agent's token in the system keychain instead of a file":
        "Das Token des Agenten im Schlüsselbund des Systems statt in einer Datei aufbewahren",
    "The PEM file of the CA that signs the agent's certificate: the connection uses TLS (as does an https:// address)":
        "Die PEM-Datei der CA, die das Zertifikat des Agenten signiert: die Verbindung verwendet TLS (wie eine https://-Adresse)",
    "Agent Token": "Agenten-Token",
    "The token agent %1 requires:": "Das Token, das Agent %1 verlangt:",
    "The token of %1 is in the system keychain": "Das Token von %1 liegt im Schlüsselbund des Systems",
    "No system keychain here (%1): keep the token in a file only you may read (chmod 600) and give its path":
        "Kein Schlüsselbund verfügbar (%1): das Token in einer nur für Sie lesbaren Datei (chmod 600) aufbewahren und ihren Pfad angeben",
    "not asked": "nicht gefragt",
    "asking...": "frage an...",
    "online": "erreichbar",
    "online, open to anyone": "erreichbar, für jeden offen",
    "This agent serves anyone who can reach it: it has no token and no client certificates (started with --allow-unauthenticated). Anyone on its network may upload models to it and use it.":
        "Dieser Agent bedient jeden, der ihn erreicht: er hat weder Token noch Client-Zertifikate (gestartet mit --allow-unauthenticated). Jeder in seinem Netz kann Modelle hochladen und ihn nutzen.",
    "unreachable": "nicht erreichbar",
    "Role": "Rolle",
    "Address": "Adresse",
    "State": "Zustand",
    "Machine": "Maschine",
    "Use local agents": "Lokale Agenten verwenden",
    "A device and an edge agent on this machine, started for each job":
        "Ein Geräte- und ein Edge-Agent auf diesem Rechner, für jeden Auftrag gestartet",
    "HOST:PORT": "HOST:PORT",
    "none": "keiner",
    "none: plain connection": "keines: unverschlüsselte Verbindung",
    "Add": "Hinzufügen",
    "Remove": "Entfernen",
    "Ask All": "Alle fragen",
    "Token file": "Token-Datei",
    "The file that holds the agent's token (kept with permissions 0600); the project stores only its path":
        "Die Datei mit dem Token des Agenten (mit den Rechten 0600); das Projekt speichert nur ihren Pfad",
    "TLS CA certificate": "TLS-CA-Zertifikat",
    "agents: local (started for each job)": "Agenten: lokal (für jeden Auftrag gestartet)",
    "agents: %1 of %2 answer": "Agenten: %1 von %2 antworten",
    "Agent address %1": "Agentenadresse %1",
    "Agent role '%1' is not device, edge or cloud":
        "Agentenrolle „%1“ ist weder device, edge noch cloud",
    "Agent %1 is already in the list": "Agent %1 ist bereits in der Liste",
    "Open a model to measure it.": "Öffnen Sie ein Modell, um es zu messen.",
    "Transfer Layers to time at every cut, comma separated (e.g. maxpool2,avgpool4); empty: none":
        "Transfer Layer, die an jedem Schnitt gemessen werden, durch Kommas getrennt "
        "(z. B. maxpool2,avgpool4); leer: keine",
    "Wire codecs to time at every cut: fp32, fp16, int8, each with an optional +zstd":
        "Übertragungscodecs, die an jedem Schnitt gemessen werden: fp32, fp16, int8, "
        "jeweils optional mit +zstd",
    "Resume interrupted runs": "Unterbrochene Läufe fortsetzen",
    "Continue each agent's newest incomplete run instead of starting it afresh":
        "Den neuesten unvollständigen Lauf jedes Agenten fortsetzen, statt neu zu beginnen",
    "Start": "Starten",
    "Cancel": "Abbrechen",
    "Warm-up runs": "Aufwärmläufe",
    "Timed runs": "Gemessene Läufe",
    "Transfer Layers": "Transfer Layer",
    "Codecs": "Codecs",
    "Open a model first.": "Öffnen Sie zuerst ein Modell.",
    "Open or create a project first: results are stored in it.":
        "Öffnen oder erstellen Sie zuerst ein Projekt: Die Ergebnisse werden darin gespeichert.",
    "A benchmark needs a device and an edge agent; the project has: %1":
        "Ein Benchmark braucht einen Geräte- und einen Edge-Agenten; das Projekt hat: %1",
    "Measuring %1": "Messe %1",
    "%1: complete": "%1: vollständig",
    "done: %1": "fertig: %1",
    " (partial)": " (unvollständig)",
    "stopped: %1": "angehalten: %1",
    "cancelling; what was measured stays in the project":
        "breche ab; das bereits Gemessene bleibt im Projekt",
    "%1: waiting": "%1: wartet",
    "Split": "Schnitt",
    "Label": "Bezeichnung",
    "Operator": "Operator",
    "Shape": "Form",
    "Export a Split": "Schnitt exportieren",
    "Split and Transfer Layer": "Schnitt und Transfer Layer",
    "Blocks before the split run on the device, the rest on the edge.":
        "Blöcke vor dem Schnitt laufen auf dem Gerät, der Rest auf dem Edge-Server.",
    "Model": "Modell",
    "Transfer Layer": "Transfer Layer",
    "Fine-tuning": "Feinabstimmung",
    "Optional: train the model with its Transfer Layer on a data set (SGD, momentum 0.9), so the reduced tensor keeps its accuracy.":
        "Optional: Das Modell mit seinem Transfer Layer auf einem Datensatz trainieren (SGD, "
        "Momentum 0,9), damit der verkleinerte Tensor seine Genauigkeit behält.",
    "Fine-tune the Transfer Layer": "Transfer Layer feinabstimmen",
    "fashion-mnist (the Debian package), a folder of IDX files, or an ImageFolder":
        "fashion-mnist (das Debian-Paket), ein Ordner mit IDX-Dateien oder ein ImageFolder",
    "all": "alle",
    "Train only the TL and the layers after the split":
        "Nur den TL und die Schichten nach dem Schnitt trainieren",
    "Data set": "Datensatz",
    "Epochs": "Epochen",
    "Learning rate": "Lernrate",
    "Training images": "Trainingsbilder",
    "Test images": "Testbilder",
    "Give a data set to fine-tune on.": "Geben Sie einen Datensatz für die Feinabstimmung an.",
    "Output": "Ausgabe",
    "The bundle: manifest, device head, edge tail and a Triton model repository, written to a new folder.":
        "Das Paket: Manifest, Geräteteil, Edge-Teil und ein Triton-Modell-Repository, in einen "
        "neuen Ordner geschrieben.",
    "Browse...": "Durchsuchen...",
    "Replace the folder if it is not empty": "Ordner ersetzen, falls er nicht leer ist",
    "Folder": "Ordner",
    "Predict the latency on": "Latenz vorhersagen für",
    "%1: is a file, not a folder": "%1: ist eine Datei, kein Ordner",
    "%1: exists and is not empty; choose another folder or replace it":
        "%1: existiert und ist nicht leer; wählen Sie einen anderen Ordner oder ersetzen Sie ihn",
    "Export": "Exportieren",
    "cancelling; nothing is written": "breche ab; es wird nichts geschrieben",
    "Exporting split %1 of %2...": "Exportiere Schnitt %1 von %2...",
    "Done.": "Fertig.",
    "Not exported: %1": "Nicht exportiert: %1",
    "Split (blocks before it run on the device)":
        "Schnitt (die Blöcke davor laufen auf dem Gerät)",
    "End-to-end latency (ms)": "Gesamtlatenz (ms)",
    "Measured, ScissionTL": "Gemessen, ScissionTL",
    "Measured, Scission": "Gemessen, Scission",
    "Split %1, %2": "Schnitt %1, %2",
    "Scission": "Scission",
    "ScissionTL with %1": "ScissionTL mit %1",
    "ScissionTL (no TL here)": "ScissionTL (hier kein TL)",
    " — excluded by the constraints": " — durch die Bedingungen ausgeschlossen",
    " — left: Scission, right: ScissionTL (darker)":
        " — links: Scission, rechts: ScissionTL (dunkler)",
    " — Scission": " — Scission",
    " — ScissionTL": " — ScissionTL",
    "Plot Size": "Diagrammgröße",
    " DPI": " DPI",
    "Width (px at 96 DPI, pt in PDF/SVG)": "Breite (px bei 96 DPI, pt in PDF/SVG)",
    "Height": "Höhe",
    "Resolution (PNG)": "Auflösung (PNG)",
    "Plan": "Plan",
    "Offload": "Auslagern",
    "Offloading %1...": "Lagere %1 aus...",
    "Offload complete: %1": "Auslagern abgeschlossen: %1",
    "Offload stopped: %1": "Auslagern angehalten: %1",
    "Benchmark complete: %1": "Benchmark abgeschlossen: %1",
    "Benchmark stopped: %1": "Benchmark angehalten: %1",
    "Open a model to begin.": "Öffnen Sie ein Modell, um zu beginnen.",
    "Agents": "Agenten",
    "Benchmark": "Benchmark",
    "&File": "&Datei",
    "&New Project...": "&Neues Projekt...",
    "&Open Project...": "Projekt ö&ffnen...",
    "Open &Recent": "&Zuletzt geöffnet",
    "Save Project &As...": "Projekt speichern &unter...",
    "Open &Model...": "&Modell öffnen...",
    "Open &Zoo Model...": "&Zoo-Modell öffnen...",
    "Export &Bundle...": "&Paket exportieren...",
    "Export &Plot...": "&Diagramm exportieren...",
    "Export Ran&king...": "Ran&gliste exportieren...",
    "&Quit": "&Beenden",
    "&Edit": "&Bearbeiten",
    "&View": "&Ansicht",
    "&Theme": "&Farbschema",
    "Follow the &System": "Wie das &System",
    "&Light": "&Hell",
    "&Dark": "&Dunkel",
    "New Project": "Neues Projekt",
    "Cleave projects (*.cleave)": "Cleave-Projekte (*.cleave)",
    "Open Project": "Projekt öffnen",
    "Save Project As": "Projekt speichern unter",
    "Open Model": "Modell öffnen",
    "TorchScript models (*.pt *.pth)": "TorchScript-Modelle (*.pt *.pth)",
    "Open Zoo Model": "Zoo-Modell öffnen",
    "PNG image (*.png)": "PNG-Bild (*.png)",
    "Export Plot": "Diagramm exportieren",
    "PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)":
        "PNG-Bild (*.png);;PDF-Dokument (*.pdf);;SVG-Zeichnung (*.svg)",
    "Plot written to %1": "Diagramm geschrieben: %1",
    "Export Ranking": "Rangliste exportieren",
    "CSV (*.csv);;JSON (*.json)": "CSV (*.csv);;JSON (*.json)",
    "Ranking written to %1": "Rangliste geschrieben: %1",
    "%1: nothing to export: there is no ranking yet":
        "%1: nichts zu exportieren: es gibt noch keine Rangliste",
    "%1: unknown format '%2' (use .csv or .json)":
        "%1: unbekanntes Format „%2“ (verwenden Sie .csv oder .json)",
    "%1: cannot write the file (%2)": "%1: Datei kann nicht geschrieben werden (%2)",
    "Open a model to export a split of it.":
        "Öffnen Sie ein Modell, um einen Schnitt davon zu exportieren.",
    "Export failed: %1": "Export fehlgeschlagen: %1",
    "Plot copied": "Diagramm kopiert",
    "Opening %1...": "Öffne %1...",
    "%1: there is no project to save": "%1: es gibt kein Projekt zu speichern",
    "Saved as %1": "Gespeichert als %1",
    "Planning with timings from %1": "Planung mit Zeiten aus %1",
    "Measuring %1...": "Messe %1...",
    "untitled": "unbenannt",
    "%1 — Cleave": "%1 — Cleave",
    "%1 — %2 — Cleave": "%1 — %2 — Cleave",
    "No model open.": "Kein Modell geöffnet.",
    "Filter by label, operator or shape": "Nach Bezeichnung, Operator oder Form filtern",
    "The selected split": "Der gewählte Schnitt",
    "Every split (sweep)": "Jeder Schnitt (Durchlauf)",
    "No emulation: loopback as it is": "Keine Emulation: Loopback, wie es ist",
    "Run": "Ausführen",
    "Codec": "Codec",
    "Link": "Verbindung",
    "every split": "jeder Schnitt",
    "split %1": "Schnitt %1",
    "%p% (split %1, %2 of %3)": "%p% (Schnitt %1, %2 von %3)",
    "cancelling; the runs so far stay in the project":
        "breche ab; die bisherigen Läufe bleiben im Projekt",
    "nothing to draw: %1": "nichts zu zeichnen: %1",
    "Uplink bandwidth, 1 to 1000 Mbit/s on a log scale":
        "Uplink-Bandbreite, 1 bis 1000 Mbit/s, logarithmisch",
    " ms": " ms",
    "Privacy: blocks before this split stay on the device":
        "Datenschutz: Blöcke vor diesem Schnitt bleiben auf dem Gerät",
    " MB": " MB",
    "no limit": "keine Grenze",
    "device + edge": "Gerät + Edge",
    "device + edge + cloud": "Gerät + Edge + Cloud",
    "ScissionTL (with Transfer Layers)": "ScissionTL (mit Transfer Layern)",
    "Scission and ScissionTL side by side": "Scission und ScissionTL nebeneinander",
    "Scission only": "Nur Scission",
    "ScissionTL only": "Nur ScissionTL",
    "Link preset": "Verbindungsprofil",
    "Uplink": "Uplink",
    "Latency (one way)": "Latenz (einfach)",
    "Ranking": "Rangfolge",
    "Plot": "Diagramm",
    "Minimum split": "Kleinster Schnitt",
    "Maximum upload": "Größter Upload",
    "Maximum device time": "Längste Gerätezeit",
    "Tiers": "Ebenen",
    "%1 Mbit/s": "%1 Mbit/s",
    "No timings yet: measure the model in the Benchmark panel.":
        "Noch keine Zeiten: Messen Sie das Modell im Benchmark-Bereich.",
    " — no Transfer Layer timings: Scission only":
        " — keine Transfer-Layer-Zeiten: nur Scission",
    "Predicted end-to-end latency (ms)": "Vorhergesagte Gesamtlatenz (ms)",
    "Measured end-to-end latency (ms)": "Gemessene Gesamtlatenz (ms)",
    "Measured = predicted": "Gemessen = vorhergesagt",
    "±10 %": "±10 %",
    "With Transfer Layer": "Mit Transfer Layer",
    "Without": "Ohne",
    "Predicted versus measured": "Vorhergesagt gegen gemessen",
    "#": "#",
    "TL": "TL",
    "Total ms": "Gesamt ms",
    "Device ms": "Gerät ms",
    "Uplink ms": "Uplink ms",
    "Edge ms": "Edge ms",
    "Raw tensor": "Roher Tensor",
    "Transfer size per split": "Übertragungsgröße je Schnitt",
    "%1 — transfer size per split": "%1 — Übertragungsgröße je Schnitt",
    "wrote %1: split %2%3, %4 on the wire": "%1 geschrieben: Schnitt %2%3, %4 übertragen",
    "'%1' is not HOST:PORT": "„%1“ ist nicht HOST:PORT",
    "'%1': port %2 is outside 1-65535": "„%1“: Port %2 liegt außerhalb von 1-65535",
    "%1@%2, %3 cores, %4 threads, LibTorch %5, %6":
        "%1@%2, %3 Kerne, %4 Threads, LibTorch %5, %6",
    "starting the local agents": "starte die lokalen Agenten",
    "%1: a plot of %2 x %3 is outside 16 to 20000 on a side":
        "%1: ein Diagramm von %2 x %3 liegt außerhalb von 16 bis 20000 je Seite",
    "%1: %2 DPI is outside 24 to 1200": "%1: %2 DPI liegt außerhalb von 24 bis 1200",
    "%1: cannot write the PNG file": "%1: PNG-Datei kann nicht geschrieben werden",
    "%1: unknown image format '%2' (use .png, .pdf or .svg)":
        "%1: unbekanntes Bildformat „%2“ (verwenden Sie .png, .pdf oder .svg)",
    "Cleave plot": "Cleave-Diagramm",
    "%1: cannot write the file": "%1: Datei kann nicht geschrieben werden",
    "Plan split DNN inference between device, edge and cloud.":
        "Geteilte DNN-Inferenz zwischen Gerät, Edge und Cloud planen.",
    "TorchScript file or zoo:NAME": "TorchScript-Datei oder zoo:NAME",
    "TorchScript file or zoo:NAME; a .cleave project alone opens it with the model it was last planned with":
        "TorchScript-Datei oder zoo:NAME; ein .cleave-Projekt allein öffnet es mit dem Modell, mit dem es zuletzt geplant wurde",
    "Displays version information.": "Zeigt die Versionsinformationen an.",
    "The PEM file of this workbench's certificate, for an agent that requires client certificates":
        "Die PEM-Datei des Zertifikats dieser Workbench, für einen Agenten, der Client-Zertifikate verlangt",
    "The PEM file of the client certificate's private key": "Die PEM-Datei des privaten Schlüssels des Client-Zertifikats",
    "Client certificate": "Client-Zertifikat",
    "Client key": "Client-Schlüssel",
    "Agent %1: give the client certificate and its key together":
        "Agent %1: Client-Zertifikat und Schlüssel zusammen angeben",
    "a .cleave project (timings from cleave-cli bench)":
        "ein .cleave-Projekt (Zeiten aus cleave-cli bench)",
    "save the window to FILE (PNG) once the plan is drawn, then quit":
        "das Fenster nach dem Zeichnen des Plans als DATEI (PNG) speichern, dann beenden",
    "print how long the window took to become interactive, then quit":
        "ausgeben, wie lange das Fenster bis zur Bedienbarkeit brauchte, dann beenden",
    "colours: system, light or dark (kept for next time)":
        "Farben: system, light oder dark (wird gemerkt)",
    "&Language": "&Sprache",
    "open on the plan or the offload view": "mit der Plan- oder der Auslagerungsansicht öffnen",
    "The language changes when Cleave starts again.":
        "Die Sprache wechselt beim nächsten Start von Cleave.",
    "language: system, en, de or ko (kept for next time)":
        "Sprache: system, en, de oder ko (wird gemerkt)",
    "device": "Gerät",
    "edge": "Edge",
    "cloud": "Cloud",
    "Tiers %1": "Ebenen %1",
    "Minimum split %1": "Kleinster Schnitt %1",
    "block %1 pinned to the %2": "Block %1 fest auf Ebene %2",
    "block %1 kept off the %2": "Block %1 nie auf Ebene %2",
    "tier %1 required": "Ebene %1 verlangt",
    "tier %1 unused": "Ebene %1 ungenutzt",
    "resource %1 required": "Ressource %1 verlangt",
    "resource %1 excluded": "Ressource %1 ausgeschlossen",
    "ranking length %1": "Länge der Rangliste %1",
    "No timings of %1 in this project yet: measure it in the Benchmark panel.":
        "Dieses Projekt hat noch keine Zeiten von %1: messen Sie es im Benchmark-Bereich.",
    "No %1 agent has measured %2 yet: add one in the Agents panel and measure the model in the Benchmark panel.":
        "Noch kein Agent der Ebene %1 hat %2 gemessen: fügen Sie einen im Agenten-Bereich hinzu und messen Sie das Modell im Benchmark-Bereich.",
    "Codec %1 was not measured on %2: add it under Codecs in the Benchmark panel and measure again.":
        "Codec %1 wurde auf %2 nicht gemessen: tragen Sie ihn im Benchmark-Bereich unter Codecs ein und messen Sie erneut.",
    "No Transfer Layer timings of %1: add one under Transfer Layers in the Benchmark panel and measure again.":
        "Keine Zeiten eines Transfer Layers für %1: tragen Sie einen im Benchmark-Bereich unter Transfer Layer ein und messen Sie erneut.",
    "Transfer Layer %1 was not measured for %2: add it under Transfer Layers in the Benchmark panel and measure again.":
        "Transfer Layer %1 wurde für %2 nicht gemessen: tragen Sie ihn im Benchmark-Bereich unter Transfer Layer ein und messen Sie erneut.",
    "%1 is out of range %2..%3": "%1 liegt außerhalb von %2..%3",
    "%1 must be zero or more": "%1 muss null oder größer sein",
    "%1 must be positive": "%1 muss positiv sein",
    "No split meets %1 with %2.": "Kein Schnitt erfüllt %1 mit %2.",
    "%1 and %2 exclude each other: no split meets both.":
        "%1 und %2 schließen einander aus: kein Schnitt erfüllt beide.",
    "No split meets all of: %1.": "Kein Schnitt erfüllt alles zugleich: %1.",
    "Ready to measure %1": "Bereit, %1 zu messen",
    "Measured %1": "%1 gemessen",
    "Stopped measuring %1": "Messung von %1 abgebrochen",
    "%1: not started": "%1: nicht begonnen",
    "&Copy": "&Kopieren",
    "Copy &Plot": "&Diagramm kopieren",
    "Nothing to copy: select rows first": "Nichts zu kopieren: zuerst Zeilen auswählen",
    "Rows copied": "Zeilen kopiert",
    "Nothing to copy: select text or rows, or click a plot (Copy Plot takes the plots shown)":
        "Nichts zu kopieren: Text oder Zeilen auswählen oder ein Diagramm anklicken (Diagramm kopieren nimmt die angezeigten Diagramme)",
    "The link between the edge and the cloud (three tiers)":
        "Die Verbindung zwischen Edge und Cloud (drei Ebenen)",
    " Mbit/s": " Mbit/s",
    "Edge–cloud link": "Edge-Cloud-Verbindung",
    "The selected split (%1)": "Der gewählte Schnitt (%1)",
    "Split %1 on %2": "Schnitt %1 auf %2",
    "Resources": "Ressourcen",
    "How many configurations the ranking lists, and Export Ranking writes":
        "Wie viele Konfigurationen die Rangliste zeigt und Rangliste exportieren schreibt",
    "Benchmark Now": "Jetzt messen",
    "Measure the open model on the agents, with the Benchmark panel's settings":
        "Das geöffnete Modell auf den Agenten messen, mit den Einstellungen des Benchmark-Bereichs",
    "<h2>Cleave</h2>Plan split DNN inference between device, edge and cloud: open a model, measure it on your machines, and see where to cut it.":
        "<h2>Cleave</h2>Geteilte DNN-Inferenz zwischen Gerät, Edge und Cloud planen: ein Modell öffnen, auf Ihren Rechnern messen und sehen, wo es zu schneiden ist.",
    "Open Model File...": "Modelldatei öffnen...",
    "Open Project...": "Projekt öffnen...",
    "New Project...": "Neues Projekt...",
    "Try It: Benchmark ResNet-18 on Local Agents": "Ausprobieren: ResNet-18 auf lokalen Agenten messen",
    "Opens ResNet-18 from the zoo and measures it on a device and an edge agent started on this machine":
        "Öffnet ResNet-18 aus dem Zoo und misst es auf einem Geräte- und einem Edge-Agenten, die auf diesem Rechner gestartet werden",
    "Zoo model": "Zoo-Modell",
    "Architecture": "Architektur",
    "Input": "Eingabe",
    "Classes": "Klassen",
    "Double-click to open a model; its weights are seeded, not trained":
        "Doppelklick öffnet ein Modell; seine Gewichte sind zufällig initialisiert, nicht trainiert",
    "Double-click to open a project": "Doppelklick öffnet ein Projekt",
    "Zoo models": "Zoo-Modelle",
    "Recent projects": "Zuletzt geöffnete Projekte",
    "Folder to Put the Bundle In": "Ordner, in den das Paket kommt",
    "Close this notice": "Diesen Hinweis schließen",
    "This agent was started with the role %1 and is listed here as %2: its timings are stored as the %2's. Change the role here, or start the agent with --role %2.":
        "Dieser Agent wurde mit der Rolle %1 gestartet und steht hier als %2: seine Zeiten werden als die des %2 gespeichert. Ändern Sie die Rolle hier oder starten Sie den Agenten mit --role %2.",
    "online, but started as %1": "erreichbar, aber als %1 gestartet",
    "Measure on the agents you add from now on, or keep measuring on the local agents?":
        "Ab jetzt auf den hinzugefügten Agenten messen oder weiter auf den lokalen?",
    "Use Added Agents": "Hinzugefügte Agenten verwenden",
    "Keep Local Agents": "Lokale Agenten behalten",
    "benchmark of %1: %2 warm-up, %3 timed, TL %4, codecs %5": "Benchmark von %1: %2 zum Aufwärmen, %3 gemessen, TL %4, Codecs %5",
    "%1: %p%": "%1: %p%",
    "Size": "Größe",
    "Maximum upload %1": "Größter Upload %1",
    "Maximum device time %1": "Längste Gerätezeit %1",
    "Maximum latency %1": "Längste Latenz %1",
    "\nTotal: %1\nSent: %2": "\nGesamt: %1\nGesendet: %2",
    "%1: %2, %3": "%1: %2, %3",
    "%1 — %2, input %3": "%1 — %2, Eingabe %3",
    "%1 ms": "%1 ms",
    "%1 B": "%1 B",
    "%1 KB": "%1 KB",
    "%1 MB": "%1 MB",
    "%1 GB": "%1 GB",
    "%1 %": "%1 %",
    "%n split(s)": ('%n Schnitt', '%n Schnitte'),
    "%n block(s)": ('%n Block', '%n Blöcke'),
    "%n run(s)": ('%n Lauf', '%n Läufe'),
    "offloading %1 (%2) on %3, %4 each": "lagere %1 aus (%2) über %3, je %4",
    "%1 on %2 — predicted versus measured: median error %3, worst %4": "%1 über %2 — vorhergesagt gegen gemessen: Median-Fehler %3, größter %4",
    "Upload": "Upload",
    "Sent (log scale)": "Gesendet (logarithmisch)",
    "model as it is: top-1 %1; with %2 before fine-tuning: top-1 %3": "Modell unverändert: Top-1 %1; mit %2 vor der Feinabstimmung: Top-1 %3",
    "epoch %1/%2: loss %3, test top-1 %4, top-5 %5": "Epoche %1/%2: Verlust %3, Test Top-1 %4, Top-5 %5",
    ", predicted %1 (%2)": ", vorhergesagt %1 (%2)",
    "%1 run %2 (%3, whole model %4)": "%1 Lauf %2 (%3, ganzes Modell %4)",
    "split %1%2: measured %3": "Schnitt %1%2: gemessen %3",
    "%1 offloaded": "%1 ausgelagert",
    "; prediction error: median %1, worst %2": "; Vorhersagefehler: Median %1, größter %2",
    "Device": "Gerät",
    "DeviceTL": "Geräte-TL",
    "Serialise": "Serialisieren",
    "Uplink": "Uplink",
    "Deserialise": "Deserialisieren",
    "EdgeTL": "Edge-TL",
    "Edge": "Edge",
    "Edge to cloud": "Edge zur Cloud",
    "Cloud": "Cloud",
    "Return": "Rückweg",
    "Limits the local device agent with the kernel's control groups (needs root), so that it behaves like a slower device; its timings are stored as a resource of their own":
        "Begrenzt den lokalen Geräte-Agenten mit den Control Groups des Kernels (braucht root), damit er sich wie ein langsameres Gerät verhält; seine Zeiten werden als eigene Ressource gespeichert",
    " MiB": " MiB",
    " cores": " Kerne",
    "Emulated device:": "Emuliertes Gerät:",
    "agents: local, the device emulated (%1)": "Agenten: lokal, Gerät emuliert (%1)",
    "Memory the device's blocks may need: their weights and the largest activation, as the benchmark measured them":
        "Speicher, den die Blöcke des Geräts brauchen dürfen: ihre Gewichte und die größte Aktivierung, wie der Benchmark sie gemessen hat",
    "Maximum device memory %1": "Größter Gerätespeicher %1",
    "Maximum device memory": "Größter Gerätespeicher",
    "\nDevice memory: %1": "\nGerätespeicher: %1",
    "any CPU": "CPU unbegrenzt",
    "any memory": "Speicher unbegrenzt",
    "How the tensor crosses the link: the codecs the benchmark measured":
        "Wie der Tensor die Verbindung überquert: die Codecs, die der Benchmark gemessen hat",
    "The device cannot be emulated here (%1): it runs unthrottled, and the plan is a what-if of a device %2 times slower, predicted only.":
        "Das Gerät lässt sich hier nicht emulieren (%1): Es läuft ungedrosselt, und der Plan ist eine Was-wäre-wenn-Annahme eines %2-mal langsameren Geräts, nur vorhergesagt.",
    "Measuring %1 as the demo...": "%1 wird als Demo gemessen...",
    " \u2014 what-if: the device %1 times slower, predicted":
        " \u2014 Was-wäre-wenn: das Gerät %1-mal langsamer, vorhergesagt",
    "Try It: ResNet-18 on a Slow Device beside a Fast Edge":
        "Ausprobieren: ResNet-18 auf einem langsamen Gerät neben einem schnellen Edge",
    'Maximum accuracy drop %1':
        'Maximaler Genauigkeitsverlust %1',
    'No accuracy of %1 measured in this project: measure it with cleave-cli accuracy on the project file, or clear %2.':
        'Keine Genauigkeit von %1 in diesem Projekt gemessen: mit cleave-cli accuracy auf der Projektdatei messen oder %2 zurücksetzen.',
    'No split meets %1: the least drop measured on %2 is %3 (split %4).':
        'Kein Schnitt erfüllt %1: der kleinste auf %2 gemessene Verlust ist %3 (Schnitt %4).',
    'No split meets %1: none of the %2 that meet the other constraints has a measured accuracy.':
        'Kein Schnitt erfüllt %1: keine der %2 Konfigurationen, die die übrigen Bedingungen erfüllen, hat eine gemessene Genauigkeit.',
    'Accuracy':
        'Genauigkeit',
    'Not measured in this project (cleave-cli accuracy measures it)':
        'In diesem Projekt nicht gemessen (cleave-cli accuracy misst sie)',
    'top-1 %1, %2 lost':
        'Top-1 %1, %2 Verlust',
    '%1 on %2 (the model unsplit)':
        '%1 auf %2 (das Modell ungeteilt)',
    'Split %1 with %2 not measured on %3':
        'Schnitt %1 mit %2 auf %3 nicht gemessen',
    'no Transfer Layer':
        'kein Transfer Layer',
    'fine-tuned %1: %2':
        'feinabgestimmt %1: %2',
    '%1 on %2':
        '%1 auf %2',
    '%1 points':
        '%1 Punkte',
    'Top-1 accuracy (%)':
        'Top-1-Genauigkeit (%)',
    'Pareto front':
        'Pareto-Front',
    'No Transfer Layer':
        'Kein Transfer Layer',
    'Transfer Layer, fine-tuned':
        'Transfer Layer, feinabgestimmt',
    'Selected':
        'Ausgewählt',
    'Latency against accuracy':
        'Latenz gegen Genauigkeit',
    '%1, fine-tuned %2':
        '%1, feinabgestimmt %2',
    'Split %1, %2\n%3\nLatency: %4':
        'Schnitt %1, %2\n%3\nLatenz: %4',
    '\nTop-1: %1, top-5: %2, agreement: %3\nDrop: %4 (%5 images of %6)':
        '\nTop-1: %1, Top-5: %2, Übereinstimmung: %3\nVerlust: %4 (%5 Bilder aus %6)',
    ' points':
        ' Pkt.',
    'Maximum accuracy drop':
        'Max. Genauigkeitsverlust',
    'Latency per split':
        'Latenz je Schnitt',
    'Latency and accuracy':
        'Latenz und Genauigkeit',
    'Top-1 accuracy lost against the unsplit model at most, in percentage points, as measured on %1; configurations not measured are left out':
        'Höchstens so viel Top-1-Genauigkeit gegenüber dem ungeteilten Modell verlieren, in Prozentpunkten, gemessen auf %1; nicht gemessene Konfigurationen fallen weg',
    'No accuracy of this model measured in the project: measure it with cleave-cli accuracy MODEL --data DATA --db on the project file':
        'Keine Genauigkeit dieses Modells im Projekt gemessen: mit cleave-cli accuracy MODEL --data DATA --db auf der Projektdatei messen',
    ' — accuracy on %1':
        ' — Genauigkeit auf %1',
    ' — no accuracy measured: cleave-cli accuracy measures it':
        ' — keine Genauigkeit gemessen: cleave-cli accuracy misst sie',
    ' — no configuration meets the constraints':
        ' — keine Konfiguration erfüllt die Bedingungen',
    '%1 ft':
        '%1 fa',
    'No accuracy measured for this configuration: measure it with cleave-cli accuracy on the project file':
        'Für diese Konfiguration keine Genauigkeit gemessen: mit cleave-cli accuracy auf der Projektdatei messen',
    'Top-1 %1, top-5 %2, agreement with the unsplit model %3; %4 lost, on %5 images of %6':
        'Top-1 %1, Top-5 %2, Übereinstimmung mit dem ungeteilten Modell %3; %4 Verlust, auf %5 Bildern aus %6',
    '; TL fine-tuned: %1':
        '; TL feinabgestimmt: %1',
    " \u2014 %n configuration(s) without a measured accuracy left out": (" \u2014 %n Konfiguration ohne gemessene Genauigkeit weggelassen", " \u2014 %n Konfigurationen ohne gemessene Genauigkeit weggelassen"),
}

KO = {
    "No timings of %1 cut this way: the project has them cut at %2; choose that under Cuts in the Model dock, or measure it in the Benchmark panel.":
        "이 절단 방식으로는 %1의 측정 시간이 없습니다: 프로젝트에는 %2 기준으로 절단한 시간이 있습니다. 모델 패널의 절단에서 선택하거나 벤치마크 패널에서 측정하세요.",
    "every node": "모든 노드",
    "its blocks": "블록",
    "sent at the split": "분할 지점에서 전송",
    "Open a model to see its graph.": "그래프를 보려면 모델을 여세요.",
    "Zoom In": "확대",
    "Zoom in (or turn the wheel over the graph)": "확대 (또는 그래프 위에서 휠을 돌리세요)",
    "Zoom Out": "축소",
    "Zoom out": "축소",
    "Fit": "맞춤",
    "Show the whole graph": "그래프 전체 보기",
    "The graph is laid out when shown.": "그래프는 표시될 때 배치됩니다.",
    "Laying out %n box(es)...": ("상자 %n개 배치 중...",),
    "No graph: %1": "그래프 없음: %1",
    "%n box(es)": ("상자 %n개",),
    "%n edge(s)": ("간선 %n개",),
    "click a box to split after it": "상자를 클릭하면 그 뒤에서 분할합니다",
    "%1\n%2\nClick: split %3 (everything up to here on the device)": "%1\n%2\n클릭: 분할 지점 %3 (여기까지 모두 디바이스에서)",
    "%1 from %2 to %3": "%2에서 %3(으)로 %1",
    "Graph": "그래프",
    "open on the plan, the offload, the cluster or the graph view": "계획, 오프로드, 클러스터 또는 그래프 보기로 열기",
    "Tensors":
        "텐서",
    "Blocks (one tensor crosses)":
        "블록 (텐서 하나가 지나감)",
    "Every node (several tensors may cross)":
        "모든 노드 (여러 텐서가 지나갈 수 있음)",
    "Where the model may be split. Blocks: where one tensor crosses, as Scission cuts. Every node: between any two operations, sending every tensor still needed after it. Benchmark, plan, offload and export follow this choice.":
        "모델을 나눌 수 있는 위치. 블록: Scission처럼 텐서 하나가 지나가는 곳. 모든 노드: 임의의 두 연산 사이이며, 그 뒤에 아직 필요한 모든 텐서를 보냅니다. 벤치마크, 계획, 오프로드, 내보내기가 이 선택을 따릅니다.",
    "&Cuts:":
        "절단(&C):",
    "%1 inferences, median %2 ms (%3 ms planned); the strips' median makespan %4 ms, %5x the fastest device alone on the same blocks (bound %6x)":
        "추론 %1회, 중앙값 %2 ms (계획 %3 ms); 스트립의 중앙 makespan %4 ms, 같은 블록에서 가장 빠른 장치 단독의 %5배 (한계 %6배)",
    "; EdgeDI's partition: median makespan %1 ms":
        "; EdgeDI 분할: 중앙 makespan %1 ms",
    "%1 inferences stored":
        "저장된 추론 %1회",
    "%1: %2":
        "%1: %2",
    "Cancelling...":
        "취소하는 중...",
    "cancelling: the calls in progress end, what was measured stays in the project":
        "취소: 진행 중인 호출이 끝나고, 측정한 것은 프로젝트에 남습니다",
    "Local agents":
        "로컬 에이전트",
    "The project's device agents":
        "프로젝트의 장치 에이전트",
    "Device agents started here, each limited to its CPU share":
        "여기서 시작하는 장치 에이전트, 각각 CPU 몫으로 제한",
    "The agents listed with the device role in the Agents panel":
        "에이전트 패널에 device 역할로 등록된 에이전트",
    "The devices that take part, the first checked holding the input; add agents with the device role in the Agents panel":
        "참여하는 장치. 처음 선택한 장치가 입력을 가집니다. 에이전트 패널에서 device 역할로 에이전트를 추가하세요",
    "Stitches the strips and runs the rest of the model":
        "스트립을 이어 붙이고 모델의 나머지를 실행",
    "Up to the cut picked":
        "선택한 절단 지점까지",
    "Device agents":
        "장치 에이전트",
    "Aggregator":
        "집계기",
    "No agent with the device role in the Agents panel":
        "에이전트 패널에 device 역할의 에이전트가 없습니다",
    "The first device":
        "첫 번째 장치",
    "A local edge agent":
        "로컬 엣지 에이전트",
    "Edge agent %1":
        "엣지 에이전트 %1",
    "One segment up to cut %1":
        "절단 지점 %1까지 한 세그먼트",
    "The cut picked in the cut table":
        "절단 지점 표에서 선택한 절단 지점",
    "Pick a cut in the cut table first":
        "먼저 절단 지점 표에서 절단 지점을 선택하세요",
    "Check two device agents or more under Device agents (add them in the Agents panel with the device role).":
        "장치 에이전트에서 두 개 이상을 선택하세요 (에이전트 패널에서 device 역할로 추가).",
    "CPU share %1":
        "CPU 몫 %1",
    "running %1 over %2 devices (%3) on %4, %5":
        "%1을(를) 장치 %2개 (%3)에서 %4로 실행, %5",
    "the project's last cluster run of this model: %1 inferences over %2 devices; change the table, the link or the plan to see the plan instead":
        "이 모델의 프로젝트 마지막 클러스터 실행: 장치 %2개에서 추론 %1회. 계획을 보려면 표, 링크 또는 계획을 바꾸세요",
    "open on the plan, the offload or the cluster view":
        "계획, 오프로드 또는 클러스터 화면으로 열기",
    "Device of the last run":
        "마지막 실행의 장치",
    "Takes part":
        "참여",
    "What-if slowdown":
        "가정 감속",
    "Plan on the timings of the project's last cluster run: leave a device out or slow it down to see the plan change":
        "프로젝트의 마지막 클러스터 실행 시간으로 계획합니다. 장치를 빼거나 느리게 하여 계획이 어떻게 바뀌는지 보세요",
    "no plan before running: %1":
        "실행 전 계획 없음: %1",
    "no plan: %1":
        "계획 없음: %1",
    "Time from the inference's start (ms)":
        "추론 시작부터의 시간 (ms)",
    "Planned (outline)":
        "계획 (윤곽선)",
    "%1 (aggregator)":
        "%1 (집계기)",
    "One inference, planned: %1":
        "추론 1회, 계획: %1",
    "One inference: %1 measured, %2 planned":
        "추론 1회: 측정 %1, 계획 %2",
    "%1, %2 (round %3, %4): %5 from %6 to %7":
        "%1, %2 (라운드 %3, %4): %6부터 %7까지 %5",
    "%1, %2 (round %3, %4): %5 from %6 to %7, %8":
        "%1, %2 (라운드 %3, %4): %6부터 %7까지 %5, %8",
    "planned":
        "계획",
    "measured":
        "측정",
    "Local device agents, each limited to its CPU share":
        "각각 CPU 몫으로 제한된 로컬 장치 에이전트",
    "The planner's choice":
        "플래너의 선택",
    "One segment":
        "세그먼트 하나",
    "One segment, or rounds gathered at the first device when faster":
        "세그먼트 하나, 또는 더 빠르면 첫 장치에서 모으는 라운드",
    "EdgeDI's partition beside it":
        "EdgeDI의 분할도 함께",
    "Devices":
        "장치",
    "CPU shares":
        "CPU 몫",
    "Device %1's CPU share (cores)":
        "장치 %1의 CPU 몫 (코어)",
    "%1 of %2 inferences":
        "추론 %2회 중 %1회",
    "running %1 over %2 devices (CPU shares %3) on %4, %5":
        "%1을(를) 장치 %2대(CPU 몫 %3)에서 %4로 실행, %5",
    "cancelling after the inference in flight; what was measured stays in the project":
        "진행 중인 추론 후 취소합니다. 측정한 것은 프로젝트에 남습니다",
    "Running %1 over a cluster...":
        "%1을(를) 클러스터에서 실행 중...",
    "Cluster run complete: %1":
        "클러스터 실행 완료: %1",
    "Cluster run stopped: %1":
        "클러스터 실행 중지: %1",
    "Cluster":
        "클러스터",
    "Inference":
        "추론",
    "Rows":
        "행",
    "Rows per device":
        "장치별 행",
    "Speed-up over the fastest device alone":
        "가장 빠른 장치 단독 대비 속도 향상",
    "Bound":
        "한계",
    "Cleave, planned":
        "Cleave, 계획",
    "EdgeDI, planned":
        "EdgeDI, 계획",
    "Measured":
        "측정",
    "Speed-up":
        "속도 향상",
    "starting %1 local device agents":
        "로컬 장치 에이전트 %1개 시작",
    "%1 inferences, median makespan %2 ms; speed-up %3x of a bound of %4x":
        "추론 %1회, makespan 중앙값 %2 ms, 속도 향상 %3배 (한계 %4배)",
    "Receive":
        "수신",
    "Compute":
        "계산",
    "Send":
        "전송",
    "Stitch":
        "이어 붙이기",
    "Rest of the model":
        "모델의 나머지",
    "The file that holds the agent's token (kept with permissions 0600), or %1 for the system keychain; the project stores only this":
        "에이전트 토큰을 담은 파일(권한 0600) 또는 시스템 키체인을 뜻하는 %1; 프로젝트에는 이것만 저장됩니다",
    "Keychain...": "키체인...",
    "Keep the agent's token in the system keychain instead of a file":
        "에이전트 토큰을 파일 대신 시스템 키체인에 보관합니다",
    "The PEM file of the CA that signs the agent's certificate: the connection uses TLS (as does an https:// address)":
        "에이전트 인증서에 서명한 CA의 PEM 파일: 연결에 TLS를 사용합니다(https:// 주소와 같음)",
    "Agent Token": "에이전트 토큰",
    "The token agent %1 requires:": "에이전트 %1에 필요한 토큰:",
    "The token of %1 is in the system keychain": "%1의 토큰이 시스템 키체인에 저장되었습니다",
    "No system keychain here (%1): keep the token in a file only you may read (chmod 600) and give its path":
        "시스템 키체인이 없습니다(%1): 본인만 읽을 수 있는 파일(chmod 600)에 토큰을 보관하고 그 경로를 입력하십시오",
    "not asked": "확인 전",
    "asking...": "확인 중...",
    "online": "연결됨",
    "online, open to anyone": "연결됨, 누구나 사용 가능",
    "This agent serves anyone who can reach it: it has no token and no client certificates (started with --allow-unauthenticated). Anyone on its network may upload models to it and use it.":
        "이 에이전트는 접근할 수 있는 누구에게나 응답합니다: 토큰도 클라이언트 인증서도 없습니다(--allow-unauthenticated로 시작됨). 같은 네트워크의 누구나 모델을 올리고 사용할 수 있습니다.",
    "unreachable": "연결 불가",
    "Role": "역할",
    "Address": "주소",
    "State": "상태",
    "Machine": "머신",
    "Use local agents": "로컬 에이전트 사용",
    "A device and an edge agent on this machine, started for each job":
        "이 컴퓨터에서 작업마다 시작하는 디바이스 에이전트와 엣지 에이전트",
    "HOST:PORT": "HOST:PORT",
    "none": "없음",
    "none: plain connection": "없음: 암호화하지 않은 연결",
    "Add": "추가",
    "Remove": "제거",
    "Ask All": "모두 확인",
    "Token file": "토큰 파일",
    "The file that holds the agent's token (kept with permissions 0600); the project stores only its path":
        "에이전트 토큰이 든 파일 (권한 0600); 프로젝트에는 파일 경로만 저장합니다",
    "TLS CA certificate": "TLS CA 인증서",
    "agents: local (started for each job)": "에이전트: 로컬 (작업마다 시작)",
    "agents: %1 of %2 answer": "에이전트: %2개 중 %1개 응답",
    "Agent address %1": "에이전트 주소 %1",
    "Agent role '%1' is not device, edge or cloud":
        "에이전트 역할 '%1'은(는) device, edge, cloud 중 하나가 아닙니다",
    "Agent %1 is already in the list": "에이전트 %1은(는) 이미 목록에 있습니다",
    "Open a model to measure it.": "측정할 모델을 여세요.",
    "Transfer Layers to time at every cut, comma separated (e.g. maxpool2,avgpool4); empty: none":
        "모든 절단 지점에서 측정할 전송 계층, 쉼표로 구분 (예: maxpool2,avgpool4); 비우면 없음",
    "Wire codecs to time at every cut: fp32, fp16, int8, each with an optional +zstd":
        "모든 절단 지점에서 측정할 전송 코덱: fp32, fp16, int8, 각각 +zstd 선택 가능",
    "Resume interrupted runs": "중단된 실행 이어서 하기",
    "Continue each agent's newest incomplete run instead of starting it afresh":
        "각 에이전트의 가장 최근 미완료 실행을 처음부터 다시 하지 않고 이어서 합니다",
    "Start": "시작",
    "Cancel": "취소",
    "Warm-up runs": "워밍업 실행 횟수",
    "Timed runs": "측정 실행 횟수",
    "Transfer Layers": "전송 계층",
    "Codecs": "코덱",
    "Open a model first.": "먼저 모델을 여세요.",
    "Open or create a project first: results are stored in it.":
        "먼저 프로젝트를 열거나 만드세요: 결과가 프로젝트에 저장됩니다.",
    "A benchmark needs a device and an edge agent; the project has: %1":
        "벤치마크에는 디바이스 에이전트와 엣지 에이전트가 필요합니다. 프로젝트에 있는 것: %1",
    "Measuring %1": "%1 측정 중",
    "%1: complete": "%1: 완료",
    "done: %1": "완료: %1",
    " (partial)": " (일부)",
    "stopped: %1": "중지됨: %1",
    "cancelling; what was measured stays in the project":
        "취소 중입니다. 이미 측정한 결과는 프로젝트에 남습니다",
    "%1: waiting": "%1: 대기 중",
    "Split": "분할 지점",
    "Label": "레이블",
    "Operator": "연산자",
    "Shape": "형상",
    "Export a Split": "분할 내보내기",
    "Split and Transfer Layer": "분할 지점과 전송 계층",
    "Blocks before the split run on the device, the rest on the edge.":
        "분할 지점 앞의 블록은 디바이스에서, 나머지는 엣지에서 실행됩니다.",
    "Model": "모델",
    "Transfer Layer": "전송 계층",
    "Fine-tuning": "미세 조정",
    "Optional: train the model with its Transfer Layer on a data set (SGD, momentum 0.9), so the reduced tensor keeps its accuracy.":
        "선택 사항: 전송 계층을 넣은 모델을 데이터셋으로 학습시켜 (SGD, 모멘텀 0.9) 축소된 "
        "텐서로도 정확도를 유지합니다.",
    "Fine-tune the Transfer Layer": "전송 계층 미세 조정",
    "fashion-mnist (the Debian package), a folder of IDX files, or an ImageFolder":
        "fashion-mnist (데비안 패키지), IDX 파일 폴더 또는 ImageFolder",
    "all": "전체",
    "Train only the TL and the layers after the split": "TL과 분할 지점 뒤의 계층만 학습",
    "Data set": "데이터셋",
    "Epochs": "에포크",
    "Learning rate": "학습률",
    "Training images": "학습 이미지 수",
    "Test images": "테스트 이미지 수",
    "Give a data set to fine-tune on.": "미세 조정에 쓸 데이터셋을 지정하세요.",
    "Output": "출력",
    "The bundle: manifest, device head, edge tail and a Triton model repository, written to a new folder.":
        "번들: 매니페스트, 디바이스용 앞부분, 엣지용 뒷부분, Triton 모델 저장소를 새 폴더에 씁니다.",
    "Browse...": "찾아보기...",
    "Replace the folder if it is not empty": "폴더가 비어 있지 않으면 교체",
    "Folder": "폴더",
    "Predict the latency on": "지연 시간 예측 네트워크",
    "%1: is a file, not a folder": "%1: 폴더가 아니라 파일입니다",
    "%1: exists and is not empty; choose another folder or replace it":
        "%1: 이미 있으며 비어 있지 않습니다. 다른 폴더를 고르거나 교체하세요",
    "Export": "내보내기",
    "cancelling; nothing is written": "취소 중입니다. 아무것도 쓰지 않습니다",
    "Exporting split %1 of %2...": "%2의 분할 지점 %1 내보내는 중...",
    "Done.": "완료.",
    "Not exported: %1": "내보내지 못함: %1",
    "Split (blocks before it run on the device)": "분할 지점 (그 앞의 블록은 디바이스에서 실행)",
    "End-to-end latency (ms)": "종단 간 지연 시간 (ms)",
    "Measured, ScissionTL": "측정값, ScissionTL",
    "Measured, Scission": "측정값, Scission",
    "Split %1, %2": "분할 지점 %1, %2",
    "Scission": "Scission",
    "ScissionTL with %1": "ScissionTL, %1 사용",
    "ScissionTL (no TL here)": "ScissionTL (여기서는 TL 없음)",
    " — excluded by the constraints": " — 제약 조건으로 제외됨",
    " — left: Scission, right: ScissionTL (darker)": " — 왼쪽: Scission, 오른쪽: ScissionTL (진한 색)",
    " — Scission": " — Scission",
    " — ScissionTL": " — ScissionTL",
    "Plot Size": "그래프 크기",
    " DPI": " DPI",
    "Width (px at 96 DPI, pt in PDF/SVG)": "너비 (96 DPI 기준 px, PDF/SVG에서는 pt)",
    "Height": "높이",
    "Resolution (PNG)": "해상도 (PNG)",
    "Plan": "계획",
    "Offload": "오프로드",
    "Offloading %1...": "%1 오프로드 중...",
    "Offload complete: %1": "오프로드 완료: %1",
    "Offload stopped: %1": "오프로드 중지됨: %1",
    "Benchmark complete: %1": "벤치마크 완료: %1",
    "Benchmark stopped: %1": "벤치마크 중지됨: %1",
    "Open a model to begin.": "시작하려면 모델을 여세요.",
    "Agents": "에이전트",
    "Benchmark": "벤치마크",
    "&File": "파일(&F)",
    "&New Project...": "새 프로젝트(&N)...",
    "&Open Project...": "프로젝트 열기(&O)...",
    "Open &Recent": "최근 항목 열기(&R)",
    "Save Project &As...": "다른 이름으로 프로젝트 저장(&A)...",
    "Open &Model...": "모델 열기(&M)...",
    "Open &Zoo Model...": "모델 모음에서 열기(&Z)...",
    "Export &Bundle...": "번들 내보내기(&B)...",
    "Export &Plot...": "그래프 내보내기(&P)...",
    "Export Ran&king...": "순위 내보내기(&K)...",
    "&Quit": "종료(&Q)",
    "&Edit": "편집(&E)",
    "&View": "보기(&V)",
    "&Theme": "테마(&T)",
    "Follow the &System": "시스템 설정 따르기(&S)",
    "&Light": "밝게(&L)",
    "&Dark": "어둡게(&D)",
    "New Project": "새 프로젝트",
    "Cleave projects (*.cleave)": "Cleave 프로젝트 (*.cleave)",
    "Open Project": "프로젝트 열기",
    "Save Project As": "다른 이름으로 프로젝트 저장",
    "Open Model": "모델 열기",
    "TorchScript models (*.pt *.pth)": "TorchScript 모델 (*.pt *.pth)",
    "Open Zoo Model": "모델 모음에서 열기",
    "PNG image (*.png)": "PNG 이미지 (*.png)",
    "Export Plot": "그래프 내보내기",
    "PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)":
        "PNG 이미지 (*.png);;PDF 문서 (*.pdf);;SVG 그림 (*.svg)",
    "Plot written to %1": "그래프를 %1에 저장했습니다",
    "Export Ranking": "순위 내보내기",
    "CSV (*.csv);;JSON (*.json)": "CSV (*.csv);;JSON (*.json)",
    "Ranking written to %1": "순위를 %1에 저장했습니다",
    "%1: nothing to export: there is no ranking yet": "%1: 내보낼 것이 없습니다. 아직 순위가 없습니다",
    "%1: unknown format '%2' (use .csv or .json)":
        "%1: 알 수 없는 형식 '%2' (.csv 또는 .json 사용)",
    "%1: cannot write the file (%2)": "%1: 파일을 쓸 수 없습니다 (%2)",
    "Open a model to export a split of it.": "분할을 내보낼 모델을 여세요.",
    "Export failed: %1": "내보내기 실패: %1",
    "Plot copied": "그래프를 복사했습니다",
    "Opening %1...": "%1 여는 중...",
    "%1: there is no project to save": "%1: 저장할 프로젝트가 없습니다",
    "Saved as %1": "%1(으)로 저장했습니다",
    "Planning with timings from %1": "%1의 측정 시간으로 계획 중",
    "Measuring %1...": "%1 측정 중...",
    "untitled": "제목 없음",
    "%1 — Cleave": "%1 — Cleave",
    "%1 — %2 — Cleave": "%1 — %2 — Cleave",
    "No model open.": "열린 모델이 없습니다.",
    "Filter by label, operator or shape": "레이블, 연산자, 형상으로 거르기",
    "The selected split": "선택한 분할 지점",
    "Every split (sweep)": "모든 분할 지점 (전체 실행)",
    "No emulation: loopback as it is": "에뮬레이션 없음: 루프백 그대로",
    "Run": "실행",
    "Codec": "코덱",
    "Link": "네트워크",
    "every split": "모든 분할 지점",
    "split %1": "분할 지점 %1",
    "%p% (split %1, %2 of %3)": "%p% (분할 지점 %1, %3개 중 %2번째)",
    "cancelling; the runs so far stay in the project":
        "취소 중입니다. 지금까지의 실행 결과는 프로젝트에 남습니다",
    "nothing to draw: %1": "그릴 것이 없습니다: %1",
    "Uplink bandwidth, 1 to 1000 Mbit/s on a log scale": "업링크 대역폭, 로그 척도로 1~1000 Mbit/s",
    " ms": " ms",
    "Privacy: blocks before this split stay on the device":
        "개인정보 보호: 이 분할 지점 앞의 블록은 디바이스에 남습니다",
    " MB": " MB",
    "no limit": "제한 없음",
    "device + edge": "디바이스 + 엣지",
    "device + edge + cloud": "디바이스 + 엣지 + 클라우드",
    "ScissionTL (with Transfer Layers)": "ScissionTL (전송 계층 사용)",
    "Scission and ScissionTL side by side": "Scission과 ScissionTL 나란히",
    "Scission only": "Scission만",
    "ScissionTL only": "ScissionTL만",
    "Link preset": "네트워크 프리셋",
    "Uplink": "업링크",
    "Latency (one way)": "지연 시간 (단방향)",
    "Ranking": "순위 기준",
    "Plot": "그래프",
    "Minimum split": "최소 분할 지점",
    "Maximum upload": "최대 업로드",
    "Maximum device time": "최대 디바이스 시간",
    "Tiers": "계층",
    "%1 Mbit/s": "%1 Mbit/s",
    "No timings yet: measure the model in the Benchmark panel.":
        "아직 측정 시간이 없습니다: 벤치마크 패널에서 모델을 측정하세요.",
    " — no Transfer Layer timings: Scission only": " — 전송 계층 측정 시간 없음: Scission만",
    "Predicted end-to-end latency (ms)": "예측한 종단 간 지연 시간 (ms)",
    "Measured end-to-end latency (ms)": "측정한 종단 간 지연 시간 (ms)",
    "Measured = predicted": "측정값 = 예측값",
    "±10 %": "±10 %",
    "With Transfer Layer": "전송 계층 사용",
    "Without": "사용 안 함",
    "Predicted versus measured": "예측값과 측정값 비교",
    "#": "#",
    "TL": "TL",
    "Total ms": "합계 ms",
    "Device ms": "디바이스 ms",
    "Uplink ms": "업링크 ms",
    "Edge ms": "엣지 ms",
    "Raw tensor": "원본 텐서",
    "Transfer size per split": "분할 지점별 전송 크기",
    "%1 — transfer size per split": "%1 — 분할 지점별 전송 크기",
    "wrote %1: split %2%3, %4 on the wire": "%1 저장: 분할 지점 %2%3, 전송 %4",
    "'%1' is not HOST:PORT": "'%1'은(는) HOST:PORT 형식이 아닙니다",
    "'%1': port %2 is outside 1-65535": "'%1': 포트 %2이(가) 1-65535 범위를 벗어났습니다",
    "%1@%2, %3 cores, %4 threads, LibTorch %5, %6": "%1@%2, 코어 %3개, 스레드 %4개, LibTorch %5, %6",
    "starting the local agents": "로컬 에이전트 시작 중",
    "%1: a plot of %2 x %3 is outside 16 to 20000 on a side":
        "%1: %2 x %3 그래프는 한 변 16~20000 범위를 벗어납니다",
    "%1: %2 DPI is outside 24 to 1200": "%1: %2 DPI는 24~1200 범위를 벗어납니다",
    "%1: cannot write the PNG file": "%1: PNG 파일을 쓸 수 없습니다",
    "%1: unknown image format '%2' (use .png, .pdf or .svg)":
        "%1: 알 수 없는 이미지 형식 '%2' (.png, .pdf, .svg 사용)",
    "Cleave plot": "Cleave 그래프",
    "%1: cannot write the file": "%1: 파일을 쓸 수 없습니다",
    "Plan split DNN inference between device, edge and cloud.":
        "디바이스, 엣지, 클라우드 사이의 DNN 분할 추론을 계획합니다.",
    "TorchScript file or zoo:NAME": "TorchScript 파일 또는 zoo:NAME",
    "TorchScript file or zoo:NAME; a .cleave project alone opens it with the model it was last planned with":
        "TorchScript 파일 또는 zoo:NAME; .cleave 프로젝트만 주면 마지막으로 계획한 모델과 함께 엽니다",
    "Displays version information.": "버전 정보를 표시합니다.",
    "The PEM file of this workbench's certificate, for an agent that requires client certificates":
        "클라이언트 인증서를 요구하는 에이전트를 위한 이 워크벤치의 인증서 PEM 파일",
    "The PEM file of the client certificate's private key": "클라이언트 인증서 개인 키의 PEM 파일",
    "Client certificate": "클라이언트 인증서",
    "Client key": "클라이언트 키",
    "Agent %1: give the client certificate and its key together":
        "에이전트 %1: 클라이언트 인증서와 키를 함께 지정하십시오",
    "a .cleave project (timings from cleave-cli bench)":
        ".cleave 프로젝트 (cleave-cli bench의 측정 시간)",
    "save the window to FILE (PNG) once the plan is drawn, then quit":
        "계획을 그린 뒤 창을 FILE(PNG)로 저장하고 종료",
    "print how long the window took to become interactive, then quit":
        "창이 조작 가능해지기까지 걸린 시간을 출력하고 종료",
    "colours: system, light or dark (kept for next time)":
        "색상: system, light, dark (다음 실행에도 유지)",
    "&Language": "언어(&L)",
    "open on the plan or the offload view": "계획 화면 또는 오프로드 화면으로 열기",
    "The language changes when Cleave starts again.": "언어는 Cleave를 다시 시작하면 바뀝니다.",
    "language: system, en, de or ko (kept for next time)":
        "언어: system, en, de, ko (다음 실행에도 유지)",
    "device": "디바이스",
    "edge": "엣지",
    "cloud": "클라우드",
    "Tiers %1": "계층 %1",
    "Minimum split %1": "최소 분할 지점 %1",
    "block %1 pinned to the %2": "블록 %1은(는) %2에 고정",
    "block %1 kept off the %2": "블록 %1은(는) %2 제외",
    "tier %1 required": "계층 %1 필수",
    "tier %1 unused": "계층 %1 사용 안 함",
    "resource %1 required": "리소스 %1 필수",
    "resource %1 excluded": "리소스 %1 제외",
    "ranking length %1": "순위 길이 %1",
    "No timings of %1 in this project yet: measure it in the Benchmark panel.":
        "이 프로젝트에는 아직 %1의 측정 시간이 없습니다: 벤치마크 패널에서 측정하세요.",
    "No %1 agent has measured %2 yet: add one in the Agents panel and measure the model in the Benchmark panel.":
        "아직 %1 에이전트가 %2을(를) 측정하지 않았습니다: 에이전트 패널에서 추가하고 벤치마크 패널에서 모델을 측정하세요.",
    "Codec %1 was not measured on %2: add it under Codecs in the Benchmark panel and measure again.":
        "코덱 %1은(는) %2에서 측정되지 않았습니다: 벤치마크 패널의 코덱에 추가하고 다시 측정하세요.",
    "No Transfer Layer timings of %1: add one under Transfer Layers in the Benchmark panel and measure again.":
        "%1의 전송 계층 측정 시간이 없습니다: 벤치마크 패널의 전송 계층에 추가하고 다시 측정하세요.",
    "Transfer Layer %1 was not measured for %2: add it under Transfer Layers in the Benchmark panel and measure again.":
        "전송 계층 %1은(는) %2에 대해 측정되지 않았습니다: 벤치마크 패널의 전송 계층에 추가하고 다시 측정하세요.",
    "%1 is out of range %2..%3": "%1은(는) 범위 %2..%3을(를) 벗어납니다",
    "%1 must be zero or more": "%1은(는) 0 이상이어야 합니다",
    "%1 must be positive": "%1은(는) 양수여야 합니다",
    "No split meets %1 with %2.": "%2에서 %1을(를) 만족하는 분할이 없습니다.",
    "%1 and %2 exclude each other: no split meets both.":
        "%1와(과) %2은(는) 서로 배제합니다: 둘 다 만족하는 분할이 없습니다.",
    "No split meets all of: %1.": "모두를 동시에 만족하는 분할이 없습니다: %1.",
    "Ready to measure %1": "%1 측정 준비 완료",
    "Measured %1": "%1 측정 완료",
    "Stopped measuring %1": "%1 측정 중단됨",
    "%1: not started": "%1: 시작 안 함",
    "&Copy": "복사(&C)",
    "Copy &Plot": "그래프 복사(&P)",
    "Nothing to copy: select rows first": "복사할 것이 없습니다: 먼저 행을 선택하세요",
    "Rows copied": "행을 복사했습니다",
    "Nothing to copy: select text or rows, or click a plot (Copy Plot takes the plots shown)":
        "복사할 것이 없습니다: 텍스트나 행을 선택하거나 그래프를 클릭하세요 (그래프 복사는 표시된 그래프를 복사합니다)",
    "The link between the edge and the cloud (three tiers)": "엣지와 클라우드 사이의 링크 (3계층)",
    " Mbit/s": " Mbit/s",
    "Edge–cloud link": "엣지-클라우드 링크",
    "The selected split (%1)": "선택한 분할 지점 (%1)",
    "Split %1 on %2": "분할 지점 %1, %2에서 실행",
    "Resources": "리소스",
    "How many configurations the ranking lists, and Export Ranking writes":
        "순위에 표시하고 순위 내보내기가 쓰는 구성의 수",
    "Benchmark Now": "지금 벤치마크",
    "Measure the open model on the agents, with the Benchmark panel's settings":
        "벤치마크 패널의 설정으로 열린 모델을 에이전트에서 측정합니다",
    "<h2>Cleave</h2>Plan split DNN inference between device, edge and cloud: open a model, measure it on your machines, and see where to cut it.":
        "<h2>Cleave</h2>디바이스, 엣지, 클라우드 사이의 분할 DNN 추론을 계획합니다: 모델을 열고, 내 머신에서 측정하고, 어디서 나눌지 확인하세요.",
    "Open Model File...": "모델 파일 열기...",
    "Open Project...": "프로젝트 열기...",
    "New Project...": "새 프로젝트...",
    "Try It: Benchmark ResNet-18 on Local Agents": "체험: 로컬 에이전트에서 ResNet-18 벤치마크",
    "Opens ResNet-18 from the zoo and measures it on a device and an edge agent started on this machine":
        "모델 모음에서 ResNet-18을 열고 이 컴퓨터에서 시작한 디바이스 에이전트와 엣지 에이전트에서 측정합니다",
    "Zoo model": "모델 모음",
    "Architecture": "아키텍처",
    "Input": "입력",
    "Classes": "클래스",
    "Double-click to open a model; its weights are seeded, not trained":
        "두 번 클릭하면 모델을 엽니다. 가중치는 학습된 것이 아니라 시드로 생성됩니다",
    "Double-click to open a project": "두 번 클릭하면 프로젝트를 엽니다",
    "Zoo models": "모델 모음",
    "Recent projects": "최근 프로젝트",
    "Folder to Put the Bundle In": "번들을 넣을 폴더",
    "Close this notice": "이 알림 닫기",
    "This agent was started with the role %1 and is listed here as %2: its timings are stored as the %2's. Change the role here, or start the agent with --role %2.":
        "이 에이전트는 %1 역할로 시작되었지만 여기에는 %2(으)로 등록되어 있습니다: 측정 시간이 %2의 것으로 저장됩니다. 여기서 역할을 바꾸거나 에이전트를 --role %2(으)로 시작하세요.",
    "online, but started as %1": "연결됨, 그러나 %1(으)로 시작됨",
    "Measure on the agents you add from now on, or keep measuring on the local agents?":
        "이제부터 추가한 에이전트에서 측정할까요, 아니면 계속 로컬 에이전트에서 측정할까요?",
    "Use Added Agents": "추가한 에이전트 사용",
    "Keep Local Agents": "로컬 에이전트 유지",
    "benchmark of %1: %2 warm-up, %3 timed, TL %4, codecs %5": "%1 벤치마크: 워밍업 %2, 측정 %3, TL %4, 코덱 %5",
    "%1: %p%": "%1: %p%",
    "Size": "크기",
    "Maximum upload %1": "최대 업로드 %1",
    "Maximum device time %1": "최대 디바이스 시간 %1",
    "Maximum latency %1": "최대 지연 시간 %1",
    "\nTotal: %1\nSent: %2": "\n합계: %1\n전송: %2",
    "%1: %2, %3": "%1: %2, %3",
    "%1 — %2, input %3": "%1 — %2, 입력 %3",
    "%1 ms": "%1 ms",
    "%1 B": "%1 B",
    "%1 KB": "%1 KB",
    "%1 MB": "%1 MB",
    "%1 GB": "%1 GB",
    "%1 %": "%1 %",
    "%n split(s)": ('분할 지점 %n개',),
    "%n block(s)": ('블록 %n개',),
    "%n run(s)": ('%n회 실행',),
    "offloading %1 (%2) on %3, %4 each": "%1 (%2)을(를) %3에서 오프로드, 각 %4",
    "%1 on %2 — predicted versus measured: median error %3, worst %4": "%2에서 %1 — 예측 대 측정: 중앙 오차 %3, 최대 %4",
    "Upload": "업로드",
    "Sent (log scale)": "전송량 (로그 척도)",
    "model as it is: top-1 %1; with %2 before fine-tuning: top-1 %3": "원래 모델: top-1 %1; 미세 조정 전 %2 적용: top-1 %3",
    "epoch %1/%2: loss %3, test top-1 %4, top-5 %5": "에포크 %1/%2: 손실 %3, 테스트 top-1 %4, top-5 %5",
    ", predicted %1 (%2)": ", 예측 %1 (%2)",
    "%1 run %2 (%3, whole model %4)": "%1 실행 %2 (%3, 전체 모델 %4)",
    "split %1%2: measured %3": "분할 지점 %1%2: 측정 %3",
    "%1 offloaded": "%1 오프로드함",
    "; prediction error: median %1, worst %2": "; 예측 오차: 중앙값 %1, 최대 %2",
    "Device": "디바이스",
    "DeviceTL": "디바이스 TL",
    "Serialise": "직렬화",
    "Uplink": "업링크",
    "Deserialise": "역직렬화",
    "EdgeTL": "엣지 TL",
    "Edge": "엣지",
    "Edge to cloud": "엣지→클라우드",
    "Cloud": "클라우드",
    "Return": "반환",
    "Limits the local device agent with the kernel's control groups (needs root), so that it behaves like a slower device; its timings are stored as a resource of their own":
        "커널의 컨트롤 그룹으로 로컬 디바이스 에이전트를 제한하여(root 필요) 더 느린 디바이스처럼 동작하게 합니다. 측정 시간은 별도의 리소스로 저장됩니다",
    " MiB": " MiB",
    " cores": " 코어",
    "Emulated device:": "에뮬레이션 디바이스:",
    "agents: local, the device emulated (%1)": "에이전트: 로컬, 디바이스 에뮬레이션 (%1)",
    "Memory the device's blocks may need: their weights and the largest activation, as the benchmark measured them":
        "디바이스의 블록에 허용되는 메모리: 벤치마크가 측정한 가중치와 가장 큰 활성화",
    "Maximum device memory %1": "최대 디바이스 메모리 %1",
    "Maximum device memory": "최대 디바이스 메모리",
    "\nDevice memory: %1": "\n디바이스 메모리: %1",
    "any CPU": "CPU 제한 없음",
    "any memory": "메모리 제한 없음",
    "How the tensor crosses the link: the codecs the benchmark measured":
        "텐서가 링크를 건너는 방식: 벤치마크가 측정한 코덱",
    "The device cannot be emulated here (%1): it runs unthrottled, and the plan is a what-if of a device %2 times slower, predicted only.":
        "여기서는 디바이스를 에뮬레이션할 수 없습니다(%1). 제한 없이 실행되며, 계획은 %2배 느린 디바이스를 가정한 예측일 뿐입니다.",
    "Measuring %1 as the demo...": "%1을(를) 데모로 측정하는 중...",
    " \u2014 what-if: the device %1 times slower, predicted":
        " \u2014 가정: 디바이스가 %1배 느림, 예측값",
    "Try It: ResNet-18 on a Slow Device beside a Fast Edge":
        "체험하기: 빠른 엣지 옆의 느린 디바이스에서 ResNet-18",
    'Maximum accuracy drop %1':
        '최대 정확도 손실 %1',
    'No accuracy of %1 measured in this project: measure it with cleave-cli accuracy on the project file, or clear %2.':
        '이 프로젝트에 %1의 정확도가 측정되지 않았습니다: 프로젝트 파일에 cleave-cli accuracy로 측정하거나 %2을(를) 해제하세요.',
    'No split meets %1: the least drop measured on %2 is %3 (split %4).':
        '%1을(를) 만족하는 분할이 없습니다: %2에서 측정된 가장 작은 손실은 %3입니다(분할 %4).',
    'No split meets %1: none of the %2 that meet the other constraints has a measured accuracy.':
        '%1을(를) 만족하는 분할이 없습니다: 다른 제약을 만족하는 %2개 중 정확도가 측정된 것이 없습니다.',
    'Accuracy':
        '정확도',
    'Not measured in this project (cleave-cli accuracy measures it)':
        '이 프로젝트에서 측정되지 않음 (cleave-cli accuracy로 측정)',
    'top-1 %1, %2 lost':
        'top-1 %1, 손실 %2',
    '%1 on %2 (the model unsplit)':
        '%2에서 %1 (분할하지 않은 모델)',
    'Split %1 with %2 not measured on %3':
        '%2을(를) 쓴 분할 %1은(는) %3에서 측정되지 않음',
    'no Transfer Layer':
        'Transfer Layer 없음',
    'fine-tuned %1: %2':
        '미세 조정 %1: %2',
    '%1 on %2':
        '%2에서 %1',
    '%1 points':
        '%1 포인트',
    'Top-1 accuracy (%)':
        'Top-1 정확도 (%)',
    'Pareto front':
        '파레토 프런트',
    'No Transfer Layer':
        'Transfer Layer 없음',
    'Transfer Layer, fine-tuned':
        'Transfer Layer, 미세 조정',
    'Selected':
        '선택됨',
    'Latency against accuracy':
        '지연 시간 대 정확도',
    '%1, fine-tuned %2':
        '%1, 미세 조정 %2',
    'Split %1, %2\n%3\nLatency: %4':
        '분할 %1, %2\n%3\n지연 시간: %4',
    '\nTop-1: %1, top-5: %2, agreement: %3\nDrop: %4 (%5 images of %6)':
        '\nTop-1: %1, top-5: %2, 일치율: %3\n손실: %4 (%6의 이미지 %5개)',
    ' points':
        ' 포인트',
    'Maximum accuracy drop':
        '최대 정확도 손실',
    'Latency per split':
        '분할별 지연 시간',
    'Latency and accuracy':
        '지연 시간과 정확도',
    'Top-1 accuracy lost against the unsplit model at most, in percentage points, as measured on %1; configurations not measured are left out':
        '분할하지 않은 모델 대비 허용하는 최대 top-1 정확도 손실(퍼센트 포인트, %1에서 측정). 측정되지 않은 구성은 제외됩니다',
    'No accuracy of this model measured in the project: measure it with cleave-cli accuracy MODEL --data DATA --db on the project file':
        '프로젝트에 이 모델의 정확도가 측정되지 않았습니다: 프로젝트 파일에 cleave-cli accuracy MODEL --data DATA --db로 측정하세요',
    ' — accuracy on %1':
        ' — %1에서의 정확도',
    ' — no accuracy measured: cleave-cli accuracy measures it':
        ' — 측정된 정확도 없음: cleave-cli accuracy로 측정',
    ' — no configuration meets the constraints':
        ' — 제약을 만족하는 구성이 없음',
    '%1 ft':
        '%1 미세',
    'No accuracy measured for this configuration: measure it with cleave-cli accuracy on the project file':
        '이 구성의 정확도가 측정되지 않았습니다: 프로젝트 파일에 cleave-cli accuracy로 측정하세요',
    'Top-1 %1, top-5 %2, agreement with the unsplit model %3; %4 lost, on %5 images of %6':
        'Top-1 %1, top-5 %2, 분할하지 않은 모델과의 일치율 %3; 손실 %4, %6의 이미지 %5개 기준',
    '; TL fine-tuned: %1':
        '; TL 미세 조정: %1',
    " \u2014 %n configuration(s) without a measured accuracy left out": (" \u2014 정확도가 측정되지 않은 구성 %n개 제외",),
}


# lupdate reads `namespace cleave::gui {` as no namespace at all; tr() looks texts up by the
# class's full name, so the contexts get their namespace back here.
PLOTS = {"LatencyStackPlot", "PredictionPlot", "TransferSizePlot", "Numbers",
         "ClusterTimelinePlot", "ShareBar", "SpeedupPlot", "ParetoPlot"}

# English plurals: the source text says "(s)", the English forms drop it or keep the s.
EN_NUMERUS = {
    "Laying out %n box(es)...": ("Laying out %n box...", "Laying out %n boxes..."),
    "%n box(es)": ("%n box", "%n boxes"),
    "%n edge(s)": ("%n edge", "%n edges"),
    "%n split(s)": ("%n split", "%n splits"),
    "%n block(s)": ("%n block", "%n blocks"),
    "%n run(s)": ("%n run", "%n runs"),
    " \u2014 %n configuration(s) without a measured accuracy left out": (
        " \u2014 %n configuration without a measured accuracy left out",
        " \u2014 %n configurations without a measured accuracy left out"),
}


def qualified(context):
    if "::" in context or context == "main":
        return context
    return ("cleave::plots::" if context in PLOTS else "cleave::gui::") + context


def fill(path, table):
    tree = ET.parse(path)
    for name in tree.getroot().iter("name"):
        name.text = qualified(name.text)
    missing = []
    for message in tree.getroot().iter("message"):
        source = message.find("source").text
        translation = message.find("translation")
        if message.get("numerus") == "yes":
            text = EN_NUMERUS.get(source) if table is None else table.get(source)
        else:
            text = source if table is None else table.get(source)
        forms = translation.findall("numerusform")
        if text is None or (forms and (not isinstance(text, tuple) or len(text) != len(forms))):
            missing.append(source)
            translation.set("type", "unfinished")
            continue
        if forms:
            translation.text = None
            for form, value in zip(forms, text):
                form.text = value
        else:
            translation.text = text
        translation.attrib.pop("type", None)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    # lupdate writes a DOCTYPE; ElementTree drops it: put it back so the file round-trips.
    with open(path, encoding="utf-8") as f:
        body = f.read().split("\n", 1)[1]
    with open(path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n")
    return missing


for name, table in (("cleave_en.ts", None), ("cleave_de.ts", DE), ("cleave_ko.ts", KO)):
    missing = fill(os.path.join(HERE, name), table)
    for source in missing:
        print(f"{name}: no translation of {source!r}")
