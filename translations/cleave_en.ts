<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>cleave::gui::AgentTableModel</name>
    <message>
        <source>This agent was started with the role %1 and is listed here as %2: its timings are stored as the %2's. Change the role here, or start the agent with --role %2.</source>
        <translation>This agent was started with the role %1 and is listed here as %2: its timings are stored as the %2's. Change the role here, or start the agent with --role %2.</translation>
    </message>
    <message>
        <source>This agent serves anyone who can reach it: it has no token and no client certificates (started with --allow-unauthenticated). Anyone on its network may upload models to it and use it.</source>
        <translation>This agent serves anyone who can reach it: it has no token and no client certificates (started with --allow-unauthenticated). Anyone on its network may upload models to it and use it.</translation>
    </message>
    <message>
        <source>not asked</source>
        <translation>not asked</translation>
    </message>
    <message>
        <source>asking...</source>
        <translation>asking...</translation>
    </message>
    <message>
        <source>online, but started as %1</source>
        <translation>online, but started as %1</translation>
    </message>
    <message>
        <source>online, open to anyone</source>
        <translation>online, open to anyone</translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>unreachable</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>Machine</translation>
    </message>
</context>
<context>
    <name>cleave::gui::AgentsPanel</name>
    <message>
        <source>Use local agents</source>
        <translation>Use local agents</translation>
    </message>
    <message>
        <source>A device and an edge agent on this machine, started for each job</source>
        <translation>A device and an edge agent on this machine, started for each job</translation>
    </message>
    <message>
        <source>any CPU</source>
        <translation>any CPU</translation>
    </message>
    <message>
        <source> cores</source>
        <translation> cores</translation>
    </message>
    <message>
        <source>any memory</source>
        <translation>any memory</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>Limits the local device agent with the kernel's control groups (needs root), so that it behaves like a slower device; its timings are stored as a resource of their own</source>
        <translation>Limits the local device agent with the kernel's control groups (needs root), so that it behaves like a slower device; its timings are stored as a resource of their own</translation>
    </message>
    <message>
        <source>HOST:PORT</source>
        <translation>HOST:PORT</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>The file that holds the agent's token (kept with permissions 0600), or %1 for the system keychain; the project stores only this</source>
        <translation>The file that holds the agent's token (kept with permissions 0600), or %1 for the system keychain; the project stores only this</translation>
    </message>
    <message>
        <source>Keychain...</source>
        <translation>Keychain...</translation>
    </message>
    <message>
        <source>Keep the agent's token in the system keychain instead of a file</source>
        <translation>Keep the agent's token in the system keychain instead of a file</translation>
    </message>
    <message>
        <source>none: plain connection</source>
        <translation>none: plain connection</translation>
    </message>
    <message>
        <source>The PEM file of the CA that signs the agent's certificate: the connection uses TLS (as does an https:// address)</source>
        <translation>The PEM file of the CA that signs the agent's certificate: the connection uses TLS (as does an https:// address)</translation>
    </message>
    <message>
        <source>The PEM file of this workbench's certificate, for an agent that requires client certificates</source>
        <translation>The PEM file of this workbench's certificate, for an agent that requires client certificates</translation>
    </message>
    <message>
        <source>The PEM file of the client certificate's private key</source>
        <translation>The PEM file of the client certificate's private key</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Ask All</source>
        <translation>Ask All</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Token file</source>
        <translation>Token file</translation>
    </message>
    <message>
        <source>TLS CA certificate</source>
        <translation>TLS CA certificate</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>Client certificate</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>Client key</translation>
    </message>
    <message>
        <source>Emulated device:</source>
        <translation>Emulated device:</translation>
    </message>
    <message>
        <source>agents: local, the device emulated (%1)</source>
        <translation>agents: local, the device emulated (%1)</translation>
    </message>
    <message>
        <source>agents: local (started for each job)</source>
        <translation>agents: local (started for each job)</translation>
    </message>
    <message>
        <source>agents: %1 of %2 answer</source>
        <translation>agents: %1 of %2 answer</translation>
    </message>
    <message>
        <source>Agent address %1</source>
        <translation>Agent address %1</translation>
    </message>
    <message>
        <source>Agent role '%1' is not device, edge or cloud</source>
        <translation>Agent role '%1' is not device, edge or cloud</translation>
    </message>
    <message>
        <source>Agent %1 is already in the list</source>
        <translation>Agent %1 is already in the list</translation>
    </message>
    <message>
        <source>Agent %1: give the client certificate and its key together</source>
        <translation>Agent %1: give the client certificate and its key together</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Agents</translation>
    </message>
    <message>
        <source>Measure on the agents you add from now on, or keep measuring on the local agents?</source>
        <translation>Measure on the agents you add from now on, or keep measuring on the local agents?</translation>
    </message>
    <message>
        <source>Use Added Agents</source>
        <translation>Use Added Agents</translation>
    </message>
    <message>
        <source>Keep Local Agents</source>
        <translation>Keep Local Agents</translation>
    </message>
    <message>
        <source>Agent Token</source>
        <translation>Agent Token</translation>
    </message>
    <message>
        <source>The token agent %1 requires:</source>
        <translation>The token agent %1 requires:</translation>
    </message>
    <message>
        <source>The token of %1 is in the system keychain</source>
        <translation>The token of %1 is in the system keychain</translation>
    </message>
    <message>
        <source>No system keychain here (%1): keep the token in a file only you may read (chmod 600) and give its path</source>
        <translation>No system keychain here (%1): keep the token in a file only you may read (chmod 600) and give its path</translation>
    </message>
</context>
<context>
    <name>cleave::gui::BenchmarkPanel</name>
    <message>
        <source>Open a model to measure it.</source>
        <translation>Open a model to measure it.</translation>
    </message>
    <message>
        <source>Transfer Layers to time at every cut, comma separated (e.g. maxpool2,avgpool4); empty: none</source>
        <translation>Transfer Layers to time at every cut, comma separated (e.g. maxpool2,avgpool4); empty: none</translation>
    </message>
    <message>
        <source>Wire codecs to time at every cut: fp32, fp16, int8, each with an optional +zstd</source>
        <translation>Wire codecs to time at every cut: fp32, fp16, int8, each with an optional +zstd</translation>
    </message>
    <message>
        <source>Resume interrupted runs</source>
        <translation>Resume interrupted runs</translation>
    </message>
    <message>
        <source>Continue each agent's newest incomplete run instead of starting it afresh</source>
        <translation>Continue each agent's newest incomplete run instead of starting it afresh</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Warm-up runs</source>
        <translation>Warm-up runs</translation>
    </message>
    <message>
        <source>Timed runs</source>
        <translation>Timed runs</translation>
    </message>
    <message>
        <source>Transfer Layers</source>
        <translation>Transfer Layers</translation>
    </message>
    <message>
        <source>Codecs</source>
        <translation>Codecs</translation>
    </message>
    <message>
        <source>Ready to measure %1</source>
        <translation>Ready to measure %1</translation>
    </message>
    <message>
        <source>Open a model first.</source>
        <translation>Open a model first.</translation>
    </message>
    <message>
        <source>Open or create a project first: results are stored in it.</source>
        <translation>Open or create a project first: results are stored in it.</translation>
    </message>
    <message>
        <source>A benchmark needs a device and an edge agent; the project has: %1</source>
        <translation>A benchmark needs a device and an edge agent; the project has: %1</translation>
    </message>
    <message>
        <source>Measuring %1</source>
        <translation>Measuring %1</translation>
    </message>
    <message>
        <source>benchmark of %1: %2 warm-up, %3 timed, TL %4, codecs %5</source>
        <translation>benchmark of %1: %2 warm-up, %3 timed, TL %4, codecs %5</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>%1: complete</source>
        <translation>%1: complete</translation>
    </message>
    <message>
        <source>Measured %1</source>
        <translation>Measured %1</translation>
    </message>
    <message>
        <source>done: %1</source>
        <translation>done: %1</translation>
    </message>
    <message>
        <source>Stopped measuring %1</source>
        <translation>Stopped measuring %1</translation>
    </message>
    <message>
        <source>%1: not started</source>
        <translation>%1: not started</translation>
    </message>
    <message>
        <source> (partial)</source>
        <translation> (partial)</translation>
    </message>
    <message>
        <source>stopped: %1</source>
        <translation>stopped: %1</translation>
    </message>
    <message>
        <source>cancelling; what was measured stays in the project</source>
        <translation>cancelling; what was measured stays in the project</translation>
    </message>
    <message>
        <source>%1: %p%</source>
        <translation>%1: %p%</translation>
    </message>
    <message>
        <source>%1: waiting</source>
        <translation>%1: waiting</translation>
    </message>
</context>
<context>
    <name>cleave::plots::ClusterTimelinePlot</name>
    <message>
        <source>Time from the inference's start (ms)</source>
        <translation>Time from the inference's start (ms)</translation>
    </message>
    <message>
        <source>Planned (outline)</source>
        <translation>Planned (outline)</translation>
    </message>
    <message>
        <source>%1 (aggregator)</source>
        <translation>%1 (aggregator)</translation>
    </message>
    <message>
        <source>One inference, planned: %1</source>
        <translation>One inference, planned: %1</translation>
    </message>
    <message>
        <source>One inference: %1 measured, %2 planned</source>
        <translation>One inference: %1 measured, %2 planned</translation>
    </message>
    <message>
        <source>%1, %2 (round %3, %4): %5 from %6 to %7, %8</source>
        <translation>%1, %2 (round %3, %4): %5 from %6 to %7, %8</translation>
    </message>
    <message>
        <source>%1, %2 (round %3, %4): %5 from %6 to %7</source>
        <translation>%1, %2 (round %3, %4): %5 from %6 to %7</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>planned</translation>
    </message>
    <message>
        <source>measured</source>
        <translation>measured</translation>
    </message>
</context>
<context>
    <name>cleave::gui::ClusterView</name>
    <message>
        <source>Local agents</source>
        <translation>Local agents</translation>
    </message>
    <message>
        <source>The project's device agents</source>
        <translation>The project's device agents</translation>
    </message>
    <message>
        <source>Device agents started here, each limited to its CPU share</source>
        <translation>Device agents started here, each limited to its CPU share</translation>
    </message>
    <message>
        <source>The agents listed with the device role in the Agents panel</source>
        <translation>The agents listed with the device role in the Agents panel</translation>
    </message>
    <message>
        <source>Local device agents, each limited to its CPU share</source>
        <translation>Local device agents, each limited to its CPU share</translation>
    </message>
    <message>
        <source>The devices that take part, the first checked holding the input; add agents with the device role in the Agents panel</source>
        <translation>The devices that take part, the first checked holding the input; add agents with the device role in the Agents panel</translation>
    </message>
    <message>
        <source>Stitches the strips and runs the rest of the model</source>
        <translation>Stitches the strips and runs the rest of the model</translation>
    </message>
    <message>
        <source>The planner's choice</source>
        <translation>The planner's choice</translation>
    </message>
    <message>
        <source>One segment</source>
        <translation>One segment</translation>
    </message>
    <message>
        <source>Up to the cut picked</source>
        <translation>Up to the cut picked</translation>
    </message>
    <message>
        <source>One segment, or rounds gathered at the first device when faster</source>
        <translation>One segment, or rounds gathered at the first device when faster</translation>
    </message>
    <message>
        <source>EdgeDI's partition beside it</source>
        <translation>EdgeDI's partition beside it</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Device of the last run</source>
        <translation>Device of the last run</translation>
    </message>
    <message>
        <source>Takes part</source>
        <translation>Takes part</translation>
    </message>
    <message>
        <source>What-if slowdown</source>
        <translation>What-if slowdown</translation>
    </message>
    <message>
        <source>Plan on the timings of the project's last cluster run: leave a device out or slow it down to see the plan change</source>
        <translation>Plan on the timings of the project's last cluster run: leave a device out or slow it down to see the plan change</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Devices</translation>
    </message>
    <message>
        <source>CPU shares</source>
        <translation>CPU shares</translation>
    </message>
    <message>
        <source>Device agents</source>
        <translation>Device agents</translation>
    </message>
    <message>
        <source>Aggregator</source>
        <translation>Aggregator</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Timed runs</source>
        <translation>Timed runs</translation>
    </message>
    <message>
        <source>Warm-up runs</source>
        <translation>Warm-up runs</translation>
    </message>
    <message>
        <source>Device %1's CPU share (cores)</source>
        <translation>Device %1's CPU share (cores)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No agent with the device role in the Agents panel</source>
        <translation>No agent with the device role in the Agents panel</translation>
    </message>
    <message>
        <source>The first device</source>
        <translation>The first device</translation>
    </message>
    <message>
        <source>A local edge agent</source>
        <translation>A local edge agent</translation>
    </message>
    <message>
        <source>Edge agent %1</source>
        <translation>Edge agent %1</translation>
    </message>
    <message>
        <source>One segment up to cut %1</source>
        <translation>One segment up to cut %1</translation>
    </message>
    <message>
        <source>The cut picked in the cut table</source>
        <translation>The cut picked in the cut table</translation>
    </message>
    <message>
        <source>Pick a cut in the cut table first</source>
        <translation>Pick a cut in the cut table first</translation>
    </message>
    <message>
        <source>%1 inferences stored</source>
        <translation>%1 inferences stored</translation>
    </message>
    <message>
        <source>%1 of %2 inferences</source>
        <translation>%1 of %2 inferences</translation>
    </message>
    <message>
        <source>no plan before running: %1</source>
        <translation>no plan before running: %1</translation>
    </message>
    <message>
        <source>the project's last cluster run of this model: %1 inferences over %2 devices; change the table, the link or the plan to see the plan instead</source>
        <translation>the project's last cluster run of this model: %1 inferences over %2 devices; change the table, the link or the plan to see the plan instead</translation>
    </message>
    <message>
        <source>no plan: %1</source>
        <translation>no plan: %1</translation>
    </message>
    <message>
        <source>Check two device agents or more under Device agents (add them in the Agents panel with the device role).</source>
        <translation>Check two device agents or more under Device agents (add them in the Agents panel with the device role).</translation>
    </message>
    <message>
        <source>Open a model first.</source>
        <translation>Open a model first.</translation>
    </message>
    <message>
        <source>CPU share %1</source>
        <translation>CPU share %1</translation>
    </message>
    <message>
        <source>running %1 over %2 devices (%3) on %4, %5</source>
        <translation>running %1 over %2 devices (%3) on %4, %5</translation>
    </message>
    <message>
        <source>done: %1</source>
        <translation>done: %1</translation>
    </message>
    <message>
        <source>stopped: %1</source>
        <translation>stopped: %1</translation>
    </message>
    <message>
        <source>cancelling: the calls in progress end, what was measured stays in the project</source>
        <translation>cancelling: the calls in progress end, what was measured stays in the project</translation>
    </message>
    <message>
        <source>Cancelling...</source>
        <translation>Cancelling...</translation>
    </message>
</context>
<context>
    <name>cleave::gui::CutTableModel</name>
    <message>
        <source>Split</source>
        <translation>Split</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Tensors</source>
        <translation>Tensors</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>Shape</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
</context>
<context>
    <name>cleave::gui::ErrorText</name>
    <message>
        <source>device</source>
        <translation>device</translation>
    </message>
    <message>
        <source>edge</source>
        <translation>edge</translation>
    </message>
    <message>
        <source>cloud</source>
        <translation>cloud</translation>
    </message>
    <message>
        <source>Tiers %1</source>
        <translation>Tiers %1</translation>
    </message>
    <message>
        <source>Minimum split %1</source>
        <translation>Minimum split %1</translation>
    </message>
    <message>
        <source>block %1 pinned to the %2</source>
        <translation>block %1 pinned to the %2</translation>
    </message>
    <message>
        <source>block %1 kept off the %2</source>
        <translation>block %1 kept off the %2</translation>
    </message>
    <message>
        <source>tier %1 required</source>
        <translation>tier %1 required</translation>
    </message>
    <message>
        <source>tier %1 unused</source>
        <translation>tier %1 unused</translation>
    </message>
    <message>
        <source>resource %1 required</source>
        <translation>resource %1 required</translation>
    </message>
    <message>
        <source>resource %1 excluded</source>
        <translation>resource %1 excluded</translation>
    </message>
    <message>
        <source>Maximum upload %1</source>
        <translation>Maximum upload %1</translation>
    </message>
    <message>
        <source>Maximum device memory %1</source>
        <translation>Maximum device memory %1</translation>
    </message>
    <message>
        <source>Maximum device time %1</source>
        <translation>Maximum device time %1</translation>
    </message>
    <message>
        <source>Maximum latency %1</source>
        <translation>Maximum latency %1</translation>
    </message>
    <message>
        <source>Maximum accuracy drop %1</source>
        <translation>Maximum accuracy drop %1</translation>
    </message>
    <message>
        <source>ranking length %1</source>
        <translation>ranking length %1</translation>
    </message>
    <message>
        <source>No timings of %1 cut this way: the project has them cut at %2; choose that under Cuts in the Model dock, or measure it in the Benchmark panel.</source>
        <translation>No timings of %1 cut this way: the project has them cut at %2; choose that under Cuts in the Model dock, or measure it in the Benchmark panel.</translation>
    </message>
    <message>
        <source>every node</source>
        <translation>every node</translation>
    </message>
    <message>
        <source>its blocks</source>
        <translation>its blocks</translation>
    </message>
    <message>
        <source>No timings of %1 in this project yet: measure it in the Benchmark panel.</source>
        <translation>No timings of %1 in this project yet: measure it in the Benchmark panel.</translation>
    </message>
    <message>
        <source>No %1 agent has measured %2 yet: add one in the Agents panel and measure the model in the Benchmark panel.</source>
        <translation>No %1 agent has measured %2 yet: add one in the Agents panel and measure the model in the Benchmark panel.</translation>
    </message>
    <message>
        <source>Codec %1 was not measured on %2: add it under Codecs in the Benchmark panel and measure again.</source>
        <translation>Codec %1 was not measured on %2: add it under Codecs in the Benchmark panel and measure again.</translation>
    </message>
    <message>
        <source>No Transfer Layer timings of %1: add one under Transfer Layers in the Benchmark panel and measure again.</source>
        <translation>No Transfer Layer timings of %1: add one under Transfer Layers in the Benchmark panel and measure again.</translation>
    </message>
    <message>
        <source>Transfer Layer %1 was not measured for %2: add it under Transfer Layers in the Benchmark panel and measure again.</source>
        <translation>Transfer Layer %1 was not measured for %2: add it under Transfer Layers in the Benchmark panel and measure again.</translation>
    </message>
    <message>
        <source>%1 is out of range %2..%3</source>
        <translation>%1 is out of range %2..%3</translation>
    </message>
    <message>
        <source>%1 must be zero or more</source>
        <translation>%1 must be zero or more</translation>
    </message>
    <message>
        <source>%1 must be positive</source>
        <translation>%1 must be positive</translation>
    </message>
    <message>
        <source>No split meets %1 with %2.</source>
        <translation>No split meets %1 with %2.</translation>
    </message>
    <message>
        <source>%1 and %2 exclude each other: no split meets both.</source>
        <translation>%1 and %2 exclude each other: no split meets both.</translation>
    </message>
    <message>
        <source>No split meets all of: %1.</source>
        <translation>No split meets all of: %1.</translation>
    </message>
    <message>
        <source>No accuracy of %1 measured in this project: measure it with cleave-cli accuracy on the project file, or clear %2.</source>
        <translation>No accuracy of %1 measured in this project: measure it with cleave-cli accuracy on the project file, or clear %2.</translation>
    </message>
    <message>
        <source>No split meets %1: the least drop measured on %2 is %3 (split %4).</source>
        <translation>No split meets %1: the least drop measured on %2 is %3 (split %4).</translation>
    </message>
    <message>
        <source>No split meets %1: none of the %2 that meet the other constraints has a measured accuracy.</source>
        <translation>No split meets %1: none of the %2 that meet the other constraints has a measured accuracy.</translation>
    </message>
</context>
<context>
    <name>cleave::gui::ExportWizard</name>
    <message>
        <source>Export a Split</source>
        <translation>Export a Split</translation>
    </message>
    <message>
        <source>Split and Transfer Layer</source>
        <translation>Split and Transfer Layer</translation>
    </message>
    <message>
        <source>Blocks before the split run on the device, the rest on the edge.</source>
        <translation>Blocks before the split run on the device, the rest on the edge.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Split</translation>
    </message>
    <message>
        <source>Transfer Layer</source>
        <translation>Transfer Layer</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Accuracy</translation>
    </message>
    <message>
        <source>Fine-tuning</source>
        <translation>Fine-tuning</translation>
    </message>
    <message>
        <source>Optional: train the model with its Transfer Layer on a data set (SGD, momentum 0.9), so the reduced tensor keeps its accuracy.</source>
        <translation>Optional: train the model with its Transfer Layer on a data set (SGD, momentum 0.9), so the reduced tensor keeps its accuracy.</translation>
    </message>
    <message>
        <source>Fine-tune the Transfer Layer</source>
        <translation>Fine-tune the Transfer Layer</translation>
    </message>
    <message>
        <source>fashion-mnist (the Debian package), a folder of IDX files, or an ImageFolder</source>
        <translation>fashion-mnist (the Debian package), a folder of IDX files, or an ImageFolder</translation>
    </message>
    <message>
        <source>all</source>
        <translation>all</translation>
    </message>
    <message>
        <source>Train only the TL and the layers after the split</source>
        <translation>Train only the TL and the layers after the split</translation>
    </message>
    <message>
        <source>Data set</source>
        <translation>Data set</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochs</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Learning rate</translation>
    </message>
    <message>
        <source>Training images</source>
        <translation>Training images</translation>
    </message>
    <message>
        <source>Test images</source>
        <translation>Test images</translation>
    </message>
    <message>
        <source>Give a data set to fine-tune on.</source>
        <translation>Give a data set to fine-tune on.</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Output</translation>
    </message>
    <message>
        <source>The bundle: manifest, device head, edge tail and a Triton model repository, written to a new folder.</source>
        <translation>The bundle: manifest, device head, edge tail and a Triton model repository, written to a new folder.</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>Browse...</translation>
    </message>
    <message>
        <source>Replace the folder if it is not empty</source>
        <translation>Replace the folder if it is not empty</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>Predict the latency on</source>
        <translation>Predict the latency on</translation>
    </message>
    <message>
        <source>Folder to Put the Bundle In</source>
        <translation>Folder to Put the Bundle In</translation>
    </message>
    <message>
        <source>%1: is a file, not a folder</source>
        <translation>%1: is a file, not a folder</translation>
    </message>
    <message>
        <source>%1: exists and is not empty; choose another folder or replace it</source>
        <translation>%1: exists and is not empty; choose another folder or replace it</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Not measured in this project (cleave-cli accuracy measures it)</source>
        <translation>Not measured in this project (cleave-cli accuracy measures it)</translation>
    </message>
    <message>
        <source>top-1 %1, %2 lost</source>
        <translation>top-1 %1, %2 lost</translation>
    </message>
    <message>
        <source>%1 on %2 (the model unsplit)</source>
        <translation>%1 on %2 (the model unsplit)</translation>
    </message>
    <message>
        <source>Split %1 with %2 not measured on %3</source>
        <translation>Split %1 with %2 not measured on %3</translation>
    </message>
    <message>
        <source>no Transfer Layer</source>
        <translation>no Transfer Layer</translation>
    </message>
    <message>
        <source>fine-tuned %1: %2</source>
        <translation>fine-tuned %1: %2</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 on %2</translation>
    </message>
    <message>
        <source>cancelling; nothing is written</source>
        <translation>cancelling; nothing is written</translation>
    </message>
    <message>
        <source>Exporting split %1 of %2...</source>
        <translation>Exporting split %1 of %2...</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Done.</translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation>Not exported: %1</translation>
    </message>
</context>
<context>
    <name>cleave::gui::GraphView</name>
    <message>
        <source>Open a model to see its graph.</source>
        <translation>Open a model to see its graph.</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation>Zoom In</translation>
    </message>
    <message>
        <source>Zoom in (or turn the wheel over the graph)</source>
        <translation>Zoom in (or turn the wheel over the graph)</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>Zoom Out</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Fit</translation>
    </message>
    <message>
        <source>Show the whole graph</source>
        <translation>Show the whole graph</translation>
    </message>
    <message>
        <source>The graph is laid out when shown.</source>
        <translation>The graph is laid out when shown.</translation>
    </message>
    <message numerus="yes">
        <source>Laying out %n box(es)...</source>
        <translation><numerusform>Laying out %n box...</numerusform>
            <numerusform>Laying out %n boxes...</numerusform>
        </translation>
    </message>
    <message>
        <source>No graph: %1</source>
        <translation>No graph: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n box(es)</source>
        <translation><numerusform>%n box</numerusform>
            <numerusform>%n boxes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n edge(s)</source>
        <translation><numerusform>%n edge</numerusform>
            <numerusform>%n edges</numerusform>
        </translation>
    </message>
    <message>
        <source>click a box to split after it</source>
        <translation>click a box to split after it</translation>
    </message>
    <message>
        <source>%1
%2
Click: split %3 (everything up to here on the device)</source>
        <translation>%1
%2
Click: split %3 (everything up to here on the device)</translation>
    </message>
    <message>
        <source>%1 from %2 to %3</source>
        <translation>%1 from %2 to %3</translation>
    </message>
    <message>
        <source>sent at the split</source>
        <translation>sent at the split</translation>
    </message>
</context>
<context>
    <name>cleave::plots::LatencyStackPlot</name>
    <message>
        <source>Split (blocks before it run on the device)</source>
        <translation>Split (blocks before it run on the device)</translation>
    </message>
    <message>
        <source>End-to-end latency (ms)</source>
        <translation>End-to-end latency (ms)</translation>
    </message>
    <message>
        <source>Measured, ScissionTL</source>
        <translation>Measured, ScissionTL</translation>
    </message>
    <message>
        <source>Measured, Scission</source>
        <translation>Measured, Scission</translation>
    </message>
    <message>
        <source>Split %1, %2</source>
        <translation>Split %1, %2</translation>
    </message>
    <message>
        <source>Scission</source>
        <translation>Scission</translation>
    </message>
    <message>
        <source>ScissionTL with %1</source>
        <translation>ScissionTL with %1</translation>
    </message>
    <message>
        <source>ScissionTL (no TL here)</source>
        <translation>ScissionTL (no TL here)</translation>
    </message>
    <message>
        <source> — excluded by the constraints</source>
        <translation> — excluded by the constraints</translation>
    </message>
    <message>
        <source>
Total: %1
Sent: %2</source>
        <translation>
Total: %1
Sent: %2</translation>
    </message>
    <message>
        <source>
Device memory: %1</source>
        <translation>
Device memory: %1</translation>
    </message>
    <message>
        <source> — left: Scission, right: ScissionTL (darker)</source>
        <translation> — left: Scission, right: ScissionTL (darker)</translation>
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
        <translation>Plot Size</translation>
    </message>
    <message>
        <source> DPI</source>
        <translation> DPI</translation>
    </message>
    <message>
        <source>Width (px at 96 DPI, pt in PDF/SVG)</source>
        <translation>Width (px at 96 DPI, pt in PDF/SVG)</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Height</translation>
    </message>
    <message>
        <source>Resolution (PNG)</source>
        <translation>Resolution (PNG)</translation>
    </message>
    <message>
        <source>Benchmark complete: %1</source>
        <translation>Benchmark complete: %1</translation>
    </message>
    <message>
        <source>Benchmark stopped: %1</source>
        <translation>Benchmark stopped: %1</translation>
    </message>
    <message>
        <source>Offloading %1...</source>
        <translation>Offloading %1...</translation>
    </message>
    <message>
        <source>Offload complete: %1</source>
        <translation>Offload complete: %1</translation>
    </message>
    <message>
        <source>Offload stopped: %1</source>
        <translation>Offload stopped: %1</translation>
    </message>
    <message>
        <source>Running %1 over a cluster...</source>
        <translation>Running %1 over a cluster...</translation>
    </message>
    <message>
        <source>Cluster run complete: %1</source>
        <translation>Cluster run complete: %1</translation>
    </message>
    <message>
        <source>Cluster run stopped: %1</source>
        <translation>Cluster run stopped: %1</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Offload</source>
        <translation>Offload</translation>
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
        <translation>Open a model to begin.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Agents</translation>
    </message>
    <message>
        <source>Benchmark</source>
        <translation>Benchmark</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;New Project...</source>
        <translation>&amp;New Project...</translation>
    </message>
    <message>
        <source>&amp;Open Project...</source>
        <translation>&amp;Open Project...</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Open &amp;Recent</translation>
    </message>
    <message>
        <source>Save Project &amp;As...</source>
        <translation>Save Project &amp;As...</translation>
    </message>
    <message>
        <source>Open &amp;Model...</source>
        <translation>Open &amp;Model...</translation>
    </message>
    <message>
        <source>Open &amp;Zoo Model...</source>
        <translation>Open &amp;Zoo Model...</translation>
    </message>
    <message>
        <source>Export &amp;Bundle...</source>
        <translation>Export &amp;Bundle...</translation>
    </message>
    <message>
        <source>Export &amp;Plot...</source>
        <translation>Export &amp;Plot...</translation>
    </message>
    <message>
        <source>Export Ran&amp;king...</source>
        <translation>Export Ran&amp;king...</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <source>Copy &amp;Plot</source>
        <translation>Copy &amp;Plot</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>Follow the &amp;System</source>
        <translation>Follow the &amp;System</translation>
    </message>
    <message>
        <source>The language changes when Cleave starts again.</source>
        <translation>The language changes when Cleave starts again.</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Theme</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Light</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dark</translation>
    </message>
    <message>
        <source>New Project</source>
        <translation>New Project</translation>
    </message>
    <message>
        <source>Cleave projects (*.cleave)</source>
        <translation>Cleave projects (*.cleave)</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>Open Project</translation>
    </message>
    <message>
        <source>Save Project As</source>
        <translation>Save Project As</translation>
    </message>
    <message>
        <source>Open Model</source>
        <translation>Open Model</translation>
    </message>
    <message>
        <source>TorchScript models (*.pt *.pth)</source>
        <translation>TorchScript models (*.pt *.pth)</translation>
    </message>
    <message>
        <source>Open Zoo Model</source>
        <translation>Open Zoo Model</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
    <message>
        <source>Export Plot</source>
        <translation>Export Plot</translation>
    </message>
    <message>
        <source>PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)</source>
        <translation>PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)</translation>
    </message>
    <message>
        <source>Plot written to %1</source>
        <translation>Plot written to %1</translation>
    </message>
    <message>
        <source>Export Ranking</source>
        <translation>Export Ranking</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation>CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Ranking written to %1</source>
        <translation>Ranking written to %1</translation>
    </message>
    <message>
        <source>%1: nothing to export: there is no ranking yet</source>
        <translation>%1: nothing to export: there is no ranking yet</translation>
    </message>
    <message>
        <source>%1: unknown format '%2' (use .csv or .json)</source>
        <translation>%1: unknown format '%2' (use .csv or .json)</translation>
    </message>
    <message>
        <source>%1: cannot write the file (%2)</source>
        <translation>%1: cannot write the file (%2)</translation>
    </message>
    <message>
        <source>Open a model to export a split of it.</source>
        <translation>Open a model to export a split of it.</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export failed: %1</translation>
    </message>
    <message>
        <source>Plot copied</source>
        <translation>Plot copied</translation>
    </message>
    <message>
        <source>Nothing to copy: select rows first</source>
        <translation>Nothing to copy: select rows first</translation>
    </message>
    <message>
        <source>Rows copied</source>
        <translation>Rows copied</translation>
    </message>
    <message>
        <source>Nothing to copy: select text or rows, or click a plot (Copy Plot takes the plots shown)</source>
        <translation>Nothing to copy: select text or rows, or click a plot (Copy Plot takes the plots shown)</translation>
    </message>
    <message>
        <source>Opening %1...</source>
        <translation>Opening %1...</translation>
    </message>
    <message>
        <source>%1: there is no project to save</source>
        <translation>%1: there is no project to save</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>Saved as %1</translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1: %2, %3</translation>
    </message>
    <message>
        <source>Planning with timings from %1</source>
        <translation>Planning with timings from %1</translation>
    </message>
    <message>
        <source>Measuring %1...</source>
        <translation>Measuring %1...</translation>
    </message>
    <message>
        <source>The device cannot be emulated here (%1): it runs unthrottled, and the plan is a what-if of a device %2 times slower, predicted only.</source>
        <translation>The device cannot be emulated here (%1): it runs unthrottled, and the plan is a what-if of a device %2 times slower, predicted only.</translation>
    </message>
    <message>
        <source>Measuring %1 as the demo...</source>
        <translation>Measuring %1 as the demo...</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>untitled</translation>
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
        <translation>Close this notice</translation>
    </message>
</context>
<context>
    <name>cleave::gui::ModelView</name>
    <message>
        <source>Blocks (one tensor crosses)</source>
        <translation>Blocks (one tensor crosses)</translation>
    </message>
    <message>
        <source>Every node (several tensors may cross)</source>
        <translation>Every node (several tensors may cross)</translation>
    </message>
    <message>
        <source>No model open.</source>
        <translation>No model open.</translation>
    </message>
    <message>
        <source>Where the model may be split. Blocks: where one tensor crosses, as Scission cuts. Every node: between any two operations, sending every tensor still needed after it. Benchmark, plan, offload and export follow this choice.</source>
        <translation>Where the model may be split. Blocks: where one tensor crosses, as Scission cuts. Every node: between any two operations, sending every tensor still needed after it. Benchmark, plan, offload and export follow this choice.</translation>
    </message>
    <message>
        <source>Filter by label, operator or shape</source>
        <translation>Filter by label, operator or shape</translation>
    </message>
    <message>
        <source>&amp;Cuts:</source>
        <translation>&amp;Cuts:</translation>
    </message>
    <message>
        <source>%1 — %2, input %3</source>
        <translation>%1 — %2, input %3</translation>
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
        <translation>%1 points</translation>
    </message>
    <message numerus="yes">
        <source>%n split(s)</source>
        <translation><numerusform>%n split</numerusform>
            <numerusform>%n splits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n block(s)</source>
        <translation><numerusform>%n block</numerusform>
            <numerusform>%n blocks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation><numerusform>%n run</numerusform>
            <numerusform>%n runs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cleave::gui::OffloadView</name>
    <message>
        <source>The selected split</source>
        <translation>The selected split</translation>
    </message>
    <message>
        <source>Every split (sweep)</source>
        <translation>Every split (sweep)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>No emulation: loopback as it is</source>
        <translation>No emulation: loopback as it is</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
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
        <translation>Link</translation>
    </message>
    <message>
        <source>Timed runs</source>
        <translation>Timed runs</translation>
    </message>
    <message>
        <source>Warm-up runs</source>
        <translation>Warm-up runs</translation>
    </message>
    <message>
        <source>Open a model first.</source>
        <translation>Open a model first.</translation>
    </message>
    <message>
        <source>offloading %1 (%2) on %3, %4 each</source>
        <translation>offloading %1 (%2) on %3, %4 each</translation>
    </message>
    <message>
        <source>every split</source>
        <translation>every split</translation>
    </message>
    <message>
        <source>split %1</source>
        <translation>split %1</translation>
    </message>
    <message>
        <source>%p% (split %1, %2 of %3)</source>
        <translation>%p% (split %1, %2 of %3)</translation>
    </message>
    <message>
        <source>done: %1</source>
        <translation>done: %1</translation>
    </message>
    <message>
        <source>stopped: %1</source>
        <translation>stopped: %1</translation>
    </message>
    <message>
        <source>The selected split (%1)</source>
        <translation>The selected split (%1)</translation>
    </message>
    <message>
        <source>cancelling; the runs so far stay in the project</source>
        <translation>cancelling; the runs so far stay in the project</translation>
    </message>
    <message>
        <source>nothing to draw: %1</source>
        <translation>nothing to draw: %1</translation>
    </message>
</context>
<context>
    <name>cleave::plots::ParetoPlot</name>
    <message>
        <source>End-to-end latency (ms)</source>
        <translation>End-to-end latency (ms)</translation>
    </message>
    <message>
        <source>Top-1 accuracy (%)</source>
        <translation>Top-1 accuracy (%)</translation>
    </message>
    <message>
        <source>Pareto front</source>
        <translation>Pareto front</translation>
    </message>
    <message>
        <source>No Transfer Layer</source>
        <translation>No Transfer Layer</translation>
    </message>
    <message>
        <source>Transfer Layer</source>
        <translation>Transfer Layer</translation>
    </message>
    <message>
        <source>Transfer Layer, fine-tuned</source>
        <translation>Transfer Layer, fine-tuned</translation>
    </message>
    <message>
        <source>Selected</source>
        <translation>Selected</translation>
    </message>
    <message>
        <source>Latency against accuracy</source>
        <translation>Latency against accuracy</translation>
    </message>
    <message>
        <source>no Transfer Layer</source>
        <translation>no Transfer Layer</translation>
    </message>
    <message>
        <source>%1, fine-tuned %2</source>
        <translation>%1, fine-tuned %2</translation>
    </message>
    <message>
        <source>Split %1, %2
%3
Latency: %4</source>
        <translation>Split %1, %2
%3
Latency: %4</translation>
    </message>
    <message>
        <source>
Top-1: %1, top-5: %2, agreement: %3
Drop: %4 (%5 images of %6)</source>
        <translation>
Top-1: %1, top-5: %2, agreement: %3
Drop: %4 (%5 images of %6)</translation>
    </message>
</context>
<context>
    <name>cleave::gui::PlanView</name>
    <message>
        <source>Uplink bandwidth, 1 to 1000 Mbit/s on a log scale</source>
        <translation>Uplink bandwidth, 1 to 1000 Mbit/s on a log scale</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Privacy: blocks before this split stay on the device</source>
        <translation>Privacy: blocks before this split stay on the device</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>no limit</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>Memory the device's blocks may need: their weights and the largest activation, as the benchmark measured them</source>
        <translation>Memory the device's blocks may need: their weights and the largest activation, as the benchmark measured them</translation>
    </message>
    <message>
        <source> points</source>
        <translation> points</translation>
    </message>
    <message>
        <source>device + edge</source>
        <translation>device + edge</translation>
    </message>
    <message>
        <source>device + edge + cloud</source>
        <translation>device + edge + cloud</translation>
    </message>
    <message>
        <source>The link between the edge and the cloud (three tiers)</source>
        <translation>The link between the edge and the cloud (three tiers)</translation>
    </message>
    <message>
        <source> Mbit/s</source>
        <translation> Mbit/s</translation>
    </message>
    <message>
        <source>ScissionTL (with Transfer Layers)</source>
        <translation>ScissionTL (with Transfer Layers)</translation>
    </message>
    <message>
        <source>Scission</source>
        <translation>Scission</translation>
    </message>
    <message>
        <source>How the tensor crosses the link: the codecs the benchmark measured</source>
        <translation>How the tensor crosses the link: the codecs the benchmark measured</translation>
    </message>
    <message>
        <source>Scission and ScissionTL side by side</source>
        <translation>Scission and ScissionTL side by side</translation>
    </message>
    <message>
        <source>Scission only</source>
        <translation>Scission only</translation>
    </message>
    <message>
        <source>ScissionTL only</source>
        <translation>ScissionTL only</translation>
    </message>
    <message>
        <source>all</source>
        <translation>all</translation>
    </message>
    <message>
        <source>How many configurations the ranking lists, and Export Ranking writes</source>
        <translation>How many configurations the ranking lists, and Export Ranking writes</translation>
    </message>
    <message>
        <source>Link preset</source>
        <translation>Link preset</translation>
    </message>
    <message>
        <source>Uplink</source>
        <translation>Uplink</translation>
    </message>
    <message>
        <source>Latency (one way)</source>
        <translation>Latency (one way)</translation>
    </message>
    <message>
        <source>Ranking</source>
        <translation>Ranking</translation>
    </message>
    <message>
        <source>Codec</source>
        <translation>Codec</translation>
    </message>
    <message>
        <source>Plot</source>
        <translation>Plot</translation>
    </message>
    <message>
        <source>Minimum split</source>
        <translation>Minimum split</translation>
    </message>
    <message>
        <source>Maximum upload</source>
        <translation>Maximum upload</translation>
    </message>
    <message>
        <source>Maximum device time</source>
        <translation>Maximum device time</translation>
    </message>
    <message>
        <source>Maximum device memory</source>
        <translation>Maximum device memory</translation>
    </message>
    <message>
        <source>Maximum accuracy drop</source>
        <translation>Maximum accuracy drop</translation>
    </message>
    <message>
        <source>Tiers</source>
        <translation>Tiers</translation>
    </message>
    <message>
        <source>Edge–cloud link</source>
        <translation>Edge–cloud link</translation>
    </message>
    <message>
        <source>Benchmark Now</source>
        <translation>Benchmark Now</translation>
    </message>
    <message>
        <source>Measure the open model on the agents, with the Benchmark panel's settings</source>
        <translation>Measure the open model on the agents, with the Benchmark panel's settings</translation>
    </message>
    <message>
        <source>Latency per split</source>
        <translation>Latency per split</translation>
    </message>
    <message>
        <source>Latency and accuracy</source>
        <translation>Latency and accuracy</translation>
    </message>
    <message>
        <source>Top-1 accuracy lost against the unsplit model at most, in percentage points, as measured on %1; configurations not measured are left out</source>
        <translation>Top-1 accuracy lost against the unsplit model at most, in percentage points, as measured on %1; configurations not measured are left out</translation>
    </message>
    <message>
        <source>No accuracy of this model measured in the project: measure it with cleave-cli accuracy MODEL --data DATA --db on the project file</source>
        <translation>No accuracy of this model measured in the project: measure it with cleave-cli accuracy MODEL --data DATA --db on the project file</translation>
    </message>
    <message>
        <source>No timings yet: measure the model in the Benchmark panel.</source>
        <translation>No timings yet: measure the model in the Benchmark panel.</translation>
    </message>
    <message>
        <source> — no Transfer Layer timings: Scission only</source>
        <translation> — no Transfer Layer timings: Scission only</translation>
    </message>
    <message>
        <source> — accuracy on %1</source>
        <translation> — accuracy on %1</translation>
    </message>
    <message numerus="yes">
        <source> — %n configuration(s) without a measured accuracy left out</source>
        <translation><numerusform> — %n configuration without a measured accuracy left out</numerusform>
            <numerusform> — %n configurations without a measured accuracy left out</numerusform>
        </translation>
    </message>
    <message>
        <source> — what-if: the device %1 times slower, predicted</source>
        <translation> — what-if: the device %1 times slower, predicted</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 on %2</translation>
    </message>
    <message>
        <source> — no accuracy measured: cleave-cli accuracy measures it</source>
        <translation> — no accuracy measured: cleave-cli accuracy measures it</translation>
    </message>
    <message>
        <source> — no configuration meets the constraints</source>
        <translation> — no configuration meets the constraints</translation>
    </message>
</context>
<context>
    <name>cleave::plots::PredictionPlot</name>
    <message>
        <source>Predicted end-to-end latency (ms)</source>
        <translation>Predicted end-to-end latency (ms)</translation>
    </message>
    <message>
        <source>Measured end-to-end latency (ms)</source>
        <translation>Measured end-to-end latency (ms)</translation>
    </message>
    <message>
        <source>Measured = predicted</source>
        <translation>Measured = predicted</translation>
    </message>
    <message>
        <source>±10 %</source>
        <translation>±10 %</translation>
    </message>
    <message>
        <source>With Transfer Layer</source>
        <translation>With Transfer Layer</translation>
    </message>
    <message>
        <source>Without</source>
        <translation>Without</translation>
    </message>
    <message>
        <source>Predicted versus measured</source>
        <translation>Predicted versus measured</translation>
    </message>
    <message>
        <source>%1 on %2 — predicted versus measured: median error %3, worst %4</source>
        <translation>%1 on %2 — predicted versus measured: median error %3, worst %4</translation>
    </message>
</context>
<context>
    <name>cleave::gui::RankingModel</name>
    <message>
        <source>%1 ft</source>
        <translation>%1 ft</translation>
    </message>
    <message>
        <source>No accuracy measured for this configuration: measure it with cleave-cli accuracy on the project file</source>
        <translation>No accuracy measured for this configuration: measure it with cleave-cli accuracy on the project file</translation>
    </message>
    <message>
        <source>Top-1 %1, top-5 %2, agreement with the unsplit model %3; %4 lost, on %5 images of %6</source>
        <translation>Top-1 %1, top-5 %2, agreement with the unsplit model %3; %4 lost, on %5 images of %6</translation>
    </message>
    <message>
        <source>; TL fine-tuned: %1</source>
        <translation>; TL fine-tuned: %1</translation>
    </message>
    <message>
        <source>Split %1 on %2</source>
        <translation>Split %1 on %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Split</translation>
    </message>
    <message>
        <source>TL</source>
        <translation>TL</translation>
    </message>
    <message>
        <source>Total ms</source>
        <translation>Total ms</translation>
    </message>
    <message>
        <source>Device ms</source>
        <translation>Device ms</translation>
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
        <translation>Accuracy</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>Resources</translation>
    </message>
</context>
<context>
    <name>cleave::plots::ShareBar</name>
    <message>
        <source>Inference</source>
        <translation>Inference</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Rows</translation>
    </message>
    <message>
        <source>Rows per device</source>
        <translation>Rows per device</translation>
    </message>
</context>
<context>
    <name>cleave::plots::SpeedupPlot</name>
    <message>
        <source>Devices</source>
        <translation>Devices</translation>
    </message>
    <message>
        <source>Speed-up</source>
        <translation>Speed-up</translation>
    </message>
    <message>
        <source>Bound</source>
        <translation>Bound</translation>
    </message>
    <message>
        <source>Cleave, planned</source>
        <translation>Cleave, planned</translation>
    </message>
    <message>
        <source>EdgeDI, planned</source>
        <translation>EdgeDI, planned</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>Measured</translation>
    </message>
    <message>
        <source>Speed-up over the fastest device alone</source>
        <translation>Speed-up over the fastest device alone</translation>
    </message>
</context>
<context>
    <name>cleave::gui::StartPage</name>
    <message>
        <source>&lt;h2&gt;Cleave&lt;/h2&gt;Plan split DNN inference between device, edge and cloud: open a model, measure it on your machines, and see where to cut it.</source>
        <translation>&lt;h2&gt;Cleave&lt;/h2&gt;Plan split DNN inference between device, edge and cloud: open a model, measure it on your machines, and see where to cut it.</translation>
    </message>
    <message>
        <source>Open Model File...</source>
        <translation>Open Model File...</translation>
    </message>
    <message>
        <source>Open Project...</source>
        <translation>Open Project...</translation>
    </message>
    <message>
        <source>New Project...</source>
        <translation>New Project...</translation>
    </message>
    <message>
        <source>Try It: ResNet-18 on a Slow Device beside a Fast Edge</source>
        <translation>Try It: ResNet-18 on a Slow Device beside a Fast Edge</translation>
    </message>
    <message>
        <source>Opens ResNet-18 from the zoo and measures it on a device and an edge agent started on this machine</source>
        <translation>Opens ResNet-18 from the zoo and measures it on a device and an edge agent started on this machine</translation>
    </message>
    <message>
        <source>Zoo model</source>
        <translation>Zoo model</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>Architecture</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Input</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>Classes</translation>
    </message>
    <message>
        <source>Double-click to open a model; its weights are seeded, not trained</source>
        <translation>Double-click to open a model; its weights are seeded, not trained</translation>
    </message>
    <message>
        <source>Double-click to open a project</source>
        <translation>Double-click to open a project</translation>
    </message>
    <message>
        <source>Zoo models</source>
        <translation>Zoo models</translation>
    </message>
    <message>
        <source>Recent projects</source>
        <translation>Recent projects</translation>
    </message>
</context>
<context>
    <name>cleave::plots::TransferSizePlot</name>
    <message>
        <source>Split</source>
        <translation>Split</translation>
    </message>
    <message>
        <source>Sent (log scale)</source>
        <translation>Sent (log scale)</translation>
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
        <translation>Raw tensor</translation>
    </message>
    <message>
        <source>Transfer size per split</source>
        <translation>Transfer size per split</translation>
    </message>
    <message>
        <source>%1 — transfer size per split</source>
        <translation>%1 — transfer size per split</translation>
    </message>
</context>
<context>
    <name>cleave::gui::ClusterWork</name>
    <message>
        <source>starting %1 local device agents</source>
        <translation>starting %1 local device agents</translation>
    </message>
    <message>
        <source>%1 inferences, median %2 ms (%3 ms planned); the strips' median makespan %4 ms, %5x the fastest device alone on the same blocks (bound %6x)</source>
        <translation>%1 inferences, median %2 ms (%3 ms planned); the strips' median makespan %4 ms, %5x the fastest device alone on the same blocks (bound %6x)</translation>
    </message>
    <message>
        <source>; EdgeDI's partition: median makespan %1 ms</source>
        <translation>; EdgeDI's partition: median makespan %1 ms</translation>
    </message>
</context>
<context>
    <name>cleave::gui::ModelLoading</name>
    <message>
        <source>wrote %1: split %2%3, %4 on the wire</source>
        <translation>wrote %1: split %2%3, %4 on the wire</translation>
    </message>
    <message>
        <source>model as it is: top-1 %1; with %2 before fine-tuning: top-1 %3</source>
        <translation>model as it is: top-1 %1; with %2 before fine-tuning: top-1 %3</translation>
    </message>
    <message>
        <source>epoch %1/%2: loss %3, test top-1 %4, top-5 %5</source>
        <translation>epoch %1/%2: loss %3, test top-1 %4, top-5 %5</translation>
    </message>
    <message>
        <source>, predicted %1 (%2)</source>
        <translation>, predicted %1 (%2)</translation>
    </message>
</context>
<context>
    <name>cleave::gui::ProjectWork</name>
    <message>
        <source>'%1' is not HOST:PORT</source>
        <translation>'%1' is not HOST:PORT</translation>
    </message>
    <message>
        <source>'%1': port %2 is outside 1-65535</source>
        <translation>'%1': port %2 is outside 1-65535</translation>
    </message>
    <message>
        <source>%1@%2, %3 cores, %4 threads, LibTorch %5, %6</source>
        <translation>%1@%2, %3 cores, %4 threads, LibTorch %5, %6</translation>
    </message>
    <message>
        <source>starting the local agents</source>
        <translation>starting the local agents</translation>
    </message>
    <message>
        <source>%1 run %2 (%3, whole model %4)</source>
        <translation>%1 run %2 (%3, whole model %4)</translation>
    </message>
    <message>
        <source>split %1%2: measured %3</source>
        <translation>split %1%2: measured %3</translation>
    </message>
    <message>
        <source>, predicted %1 (%2)</source>
        <translation>, predicted %1 (%2)</translation>
    </message>
    <message>
        <source>%1 offloaded</source>
        <translation>%1 offloaded</translation>
    </message>
    <message>
        <source>; prediction error: median %1, worst %2</source>
        <translation>; prediction error: median %1, worst %2</translation>
    </message>
</context>
<context>
    <name>cleave::plots::Parts</name>
    <message>
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>DeviceTL</source>
        <translation>DeviceTL</translation>
    </message>
    <message>
        <source>Serialise</source>
        <translation>Serialise</translation>
    </message>
    <message>
        <source>Uplink</source>
        <translation>Uplink</translation>
    </message>
    <message>
        <source>Deserialise</source>
        <translation>Deserialise</translation>
    </message>
    <message>
        <source>EdgeTL</source>
        <translation>EdgeTL</translation>
    </message>
    <message>
        <source>Edge</source>
        <translation>Edge</translation>
    </message>
    <message>
        <source>Edge to cloud</source>
        <translation>Edge to cloud</translation>
    </message>
    <message>
        <source>Cloud</source>
        <translation>Cloud</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Return</translation>
    </message>
</context>
<context>
    <name>cleave::plots::PlotExport</name>
    <message>
        <source>%1: a plot of %2 x %3 is outside 16 to 20000 on a side</source>
        <translation>%1: a plot of %2 x %3 is outside 16 to 20000 on a side</translation>
    </message>
    <message>
        <source>%1: %2 DPI is outside 24 to 1200</source>
        <translation>%1: %2 DPI is outside 24 to 1200</translation>
    </message>
    <message>
        <source>%1: cannot write the PNG file</source>
        <translation>%1: cannot write the PNG file</translation>
    </message>
    <message>
        <source>%1: unknown image format '%2' (use .png, .pdf or .svg)</source>
        <translation>%1: unknown image format '%2' (use .png, .pdf or .svg)</translation>
    </message>
    <message>
        <source>%1: cannot write the file (%2)</source>
        <translation>%1: cannot write the file (%2)</translation>
    </message>
    <message>
        <source>Cleave plot</source>
        <translation>Cleave plot</translation>
    </message>
    <message>
        <source>%1: cannot write the file</source>
        <translation>%1: cannot write the file</translation>
    </message>
</context>
<context>
    <name>cleave::plots::Spans</name>
    <message>
        <source>Receive</source>
        <translation>Receive</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>Compute</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Stitch</source>
        <translation>Stitch</translation>
    </message>
    <message>
        <source>Rest of the model</source>
        <translation>Rest of the model</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Return</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Plan split DNN inference between device, edge and cloud.</source>
        <translation>Plan split DNN inference between device, edge and cloud.</translation>
    </message>
    <message>
        <source>a .cleave project (timings from cleave-cli bench)</source>
        <translation>a .cleave project (timings from cleave-cli bench)</translation>
    </message>
    <message>
        <source>save the window to FILE (PNG) once the plan is drawn, then quit</source>
        <translation>save the window to FILE (PNG) once the plan is drawn, then quit</translation>
    </message>
    <message>
        <source>print how long the window took to become interactive, then quit</source>
        <translation>print how long the window took to become interactive, then quit</translation>
    </message>
    <message>
        <source>colours: system, light or dark (kept for next time)</source>
        <translation>colours: system, light or dark (kept for next time)</translation>
    </message>
    <message>
        <source>language: system, en, de or ko (kept for next time)</source>
        <translation>language: system, en, de or ko (kept for next time)</translation>
    </message>
    <message>
        <source>Displays version information.</source>
        <translation>Displays version information.</translation>
    </message>
    <message>
        <source>TorchScript file or zoo:NAME; a .cleave project alone opens it with the model it was last planned with</source>
        <translation>TorchScript file or zoo:NAME; a .cleave project alone opens it with the model it was last planned with</translation>
    </message>
    <message>
        <source>open on the plan, the offload, the cluster or the graph view</source>
        <translation>open on the plan, the offload, the cluster or the graph view</translation>
    </message>
</context>
</TS>
