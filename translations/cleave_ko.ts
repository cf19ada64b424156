<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>cleave::gui::AgentTableModel</name>
    <message>
        <source>This agent was started with the role %1 and is listed here as %2: its timings are stored as the %2's. Change the role here, or start the agent with --role %2.</source>
        <translation>이 에이전트는 %1 역할로 시작되었지만 여기에는 %2(으)로 등록되어 있습니다: 측정 시간이 %2의 것으로 저장됩니다. 여기서 역할을 바꾸거나 에이전트를 --role %2(으)로 시작하세요.</translation>
    </message>
    <message>
        <source>This agent serves anyone who can reach it: it has no token and no client certificates (started with --allow-unauthenticated). Anyone on its network may upload models to it and use it.</source>
        <translation>이 에이전트는 접근할 수 있는 누구에게나 응답합니다: 토큰도 클라이언트 인증서도 없습니다(--allow-unauthenticated로 시작됨). 같은 네트워크의 누구나 모델을 올리고 사용할 수 있습니다.</translation>
    </message>
    <message>
        <source>not asked</source>
        <translation>확인 전</translation>
    </message>
    <message>
        <source>asking...</source>
        <translation>확인 중...</translation>
    </message>
    <message>
        <source>online, but started as %1</source>
        <translation>연결됨, 그러나 %1(으)로 시작됨</translation>
    </message>
    <message>
        <source>online, open to anyone</source>
        <translation>연결됨, 누구나 사용 가능</translation>
    </message>
    <message>
        <source>online</source>
        <translation>연결됨</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>연결 불가</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>역할</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>주소</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>머신</translation>
    </message>
</context>
<context>
    <name>cleave::gui::AgentsPanel</name>
    <message>
        <source>Use local agents</source>
        <translation>로컬 에이전트 사용</translation>
    </message>
    <message>
        <source>A device and an edge agent on this machine, started for each job</source>
        <translation>이 컴퓨터에서 작업마다 시작하는 디바이스 에이전트와 엣지 에이전트</translation>
    </message>
    <message>
        <source>any CPU</source>
        <translation>CPU 제한 없음</translation>
    </message>
    <message>
        <source> cores</source>
        <translation> 코어</translation>
    </message>
    <message>
        <source>any memory</source>
        <translation>메모리 제한 없음</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>Limits the local device agent with the kernel's control groups (needs root), so that it behaves like a slower device; its timings are stored as a resource of their own</source>
        <translation>커널의 컨트롤 그룹으로 로컬 디바이스 에이전트를 제한하여(root 필요) 더 느린 디바이스처럼 동작하게 합니다. 측정 시간은 별도의 리소스로 저장됩니다</translation>
    </message>
    <message>
        <source>HOST:PORT</source>
        <translation>HOST:PORT</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>The file that holds the agent's token (kept with permissions 0600), or %1 for the system keychain; the project stores only this</source>
        <translation>에이전트 토큰을 담은 파일(권한 0600) 또는 시스템 키체인을 뜻하는 %1; 프로젝트에는 이것만 저장됩니다</translation>
    </message>
    <message>
        <source>Keychain...</source>
        <translation>키체인...</translation>
    </message>
    <message>
        <source>Keep the agent's token in the system keychain instead of a file</source>
        <translation>에이전트 토큰을 파일 대신 시스템 키체인에 보관합니다</translation>
    </message>
    <message>
        <source>none: plain connection</source>
        <translation>없음: 암호화하지 않은 연결</translation>
    </message>
    <message>
        <source>The PEM file of the CA that signs the agent's certificate: the connection uses TLS (as does an https:// address)</source>
        <translation>에이전트 인증서에 서명한 CA의 PEM 파일: 연결에 TLS를 사용합니다(https:// 주소와 같음)</translation>
    </message>
    <message>
        <source>The PEM file of this workbench's certificate, for an agent that requires client certificates</source>
        <translation>클라이언트 인증서를 요구하는 에이전트를 위한 이 워크벤치의 인증서 PEM 파일</translation>
    </message>
    <message>
        <source>The PEM file of the client certificate's private key</source>
        <translation>클라이언트 인증서 개인 키의 PEM 파일</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>추가</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>제거</translation>
    </message>
    <message>
        <source>Ask All</source>
        <translation>모두 확인</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>주소</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>역할</translation>
    </message>
    <message>
        <source>Token file</source>
        <translation>토큰 파일</translation>
    </message>
    <message>
        <source>TLS CA certificate</source>
        <translation>TLS CA 인증서</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>클라이언트 인증서</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>클라이언트 키</translation>
    </message>
    <message>
        <source>Emulated device:</source>
        <translation>에뮬레이션 디바이스:</translation>
    </message>
    <message>
        <source>agents: local, the device emulated (%1)</source>
        <translation>에이전트: 로컬, 디바이스 에뮬레이션 (%1)</translation>
    </message>
    <message>
        <source>agents: local (started for each job)</source>
        <translation>에이전트: 로컬 (작업마다 시작)</translation>
    </message>
    <message>
        <source>agents: %1 of %2 answer</source>
        <translation>에이전트: %2개 중 %1개 응답</translation>
    </message>
    <message>
        <source>Agent address %1</source>
        <translation>에이전트 주소 %1</translation>
    </message>
    <message>
        <source>Agent role '%1' is not device, edge or cloud</source>
        <translation>에이전트 역할 '%1'은(는) device, edge, cloud 중 하나가 아닙니다</translation>
    </message>
    <message>
        <source>Agent %1 is already in the list</source>
        <translation>에이전트 %1은(는) 이미 목록에 있습니다</translation>
    </message>
    <message>
        <source>Agent %1: give the client certificate and its key together</source>
        <translation>에이전트 %1: 클라이언트 인증서와 키를 함께 지정하십시오</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>에이전트</translation>
    </message>
    <message>
        <source>Measure on the agents you add from now on, or keep measuring on the local agents?</source>
        <translation>이제부터 추가한 에이전트에서 측정할까요, 아니면 계속 로컬 에이전트에서 측정할까요?</translation>
    </message>
    <message>
        <source>Use Added Agents</source>
        <translation>추가한 에이전트 사용</translation>
    </message>
    <message>
        <source>Keep Local Agents</source>
        <translation>로컬 에이전트 유지</translation>
    </message>
    <message>
        <source>Agent Token</source>
        <translation>에이전트 토큰</translation>
    </message>
    <message>
        <source>The token agent %1 requires:</source>
        <translation>에이전트 %1에 필요한 토큰:</translation>
    </message>
    <message>
        <source>The token of %1 is in the system keychain</source>
        <translation>%1의 토큰이 시스템 키체인에 저장되었습니다</translation>
    </message>
    <message>
        <source>No system keychain here (%1): keep the token in a file only you may read (chmod 600) and give its path</source>
        <translation>시스템 키체인이 없습니다(%1): 본인만 읽을 수 있는 파일(chmod 600)에 토큰을 보관하고 그 경로를 입력하십시오</translation>
    </message>
</context>
<context>
    <name>cleave::gui::BenchmarkPanel</name>
    <message>
        <source>Open a model to measure it.</source>
        <translation>측정할 모델을 여세요.</translation>
    </message>
    <message>
        <source>Transfer Layers to time at every cut, comma separated (e.g. maxpool2,avgpool4); empty: none</source>
        <translation>모든 절단 지점에서 측정할 전송 계층, 쉼표로 구분 (예: maxpool2,avgpool4); 비우면 없음</translation>
    </message>
    <message>
        <source>Wire codecs to time at every cut: fp32, fp16, int8, each with an optional +zstd</source>
        <translation>모든 절단 지점에서 측정할 전송 코덱: fp32, fp16, int8, 각각 +zstd 선택 가능</translation>
    </message>
    <message>
        <source>Resume interrupted runs</source>
        <translation>중단된 실행 이어서 하기</translation>
    </message>
    <message>
        <source>Continue each agent's newest incomplete run instead of starting it afresh</source>
        <translation>각 에이전트의 가장 최근 미완료 실행을 처음부터 다시 하지 않고 이어서 합니다</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Warm-up runs</source>
        <translation>워밍업 실행 횟수</translation>
    </message>
    <message>
        <source>Timed runs</source>
        <translation>측정 실행 횟수</translation>
    </message>
    <message>
        <source>Transfer Layers</source>
        <translation>전송 계층</translation>
    </message>
    <message>
        <source>Codecs</source>
        <translation>코덱</translation>
    </message>
    <message>
        <source>Ready to measure %1</source>
        <translation>%1 측정 준비 완료</translation>
    </message>
    <message>
        <source>Open a model first.</source>
        <translation>먼저 모델을 여세요.</translation>
    </message>
    <message>
        <source>Open or create a project first: results are stored in it.</source>
        <translation>먼저 프로젝트를 열거나 만드세요: 결과가 프로젝트에 저장됩니다.</translation>
    </message>
    <message>
        <source>A benchmark needs a device and an edge agent; the project has: %1</source>
        <translation>벤치마크에는 디바이스 에이전트와 엣지 에이전트가 필요합니다. 프로젝트에 있는 것: %1</translation>
    </message>
    <message>
        <source>Measuring %1</source>
        <translation>%1 측정 중</translation>
    </message>
    <message>
        <source>benchmark of %1: %2 warm-up, %3 timed, TL %4, codecs %5</source>
        <translation>%1 벤치마크: 워밍업 %2, 측정 %3, TL %4, 코덱 %5</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>%1: complete</source>
        <translation>%1: 완료</translation>
    </message>
    <message>
        <source>Measured %1</source>
        <translation>%1 측정 완료</translation>
    </message>
    <message>
        <source>done: %1</source>
        <translation>완료: %1</translation>
    </message>
    <message>
        <source>Stopped measuring %1</source>
        <translation>%1 측정 중단됨</translation>
    </message>
    <message>
        <source>%1: not started</source>
        <translation>%1: 시작 안 함</translation>
    </message>
    <message>
        <source> (partial)</source>
        <translation> (일부)</translation>
    </message>
    <message>
        <source>stopped: %1</source>
        <translation>중지됨: %1</translation>
    </message>
    <message>
        <source>cancelling; what was measured stays in the project</source>
        <translation>취소 중입니다. 이미 측정한 결과는 프로젝트에 남습니다</translation>
    </message>
    <message>
        <source>%1: %p%</source>
        <translation>%1: %p%</translation>
    </message>
    <message>
        <source>%1: waiting</source>
        <translation>%1: 대기 중</translation>
    </message>
</context>
<context>
    <name>cleave::plots::ClusterTimelinePlot</name>
    <message>
        <source>Time from the inference's start (ms)</source>
        <translation>추론 시작부터의 시간 (ms)</translation>
    </message>
    <message>
        <source>Planned (outline)</source>
        <translation>계획 (윤곽선)</translation>
    </message>
    <message>
        <source>%1 (aggregator)</source>
        <translation>%1 (집계기)</translation>
    </message>
    <message>
        <source>One inference, planned: %1</source>
        <translation>추론 1회, 계획: %1</translation>
    </message>
    <message>
        <source>One inference: %1 measured, %2 planned</source>
        <translation>추론 1회: 측정 %1, 계획 %2</translation>
    </message>
    <message>
        <source>%1, %2 (round %3, %4): %5 from %6 to %7, %8</source>
        <translation>%1, %2 (라운드 %3, %4): %6부터 %7까지 %5, %8</translation>
    </message>
    <message>
        <source>%1, %2 (round %3, %4): %5 from %6 to %7</source>
        <translation>%1, %2 (라운드 %3, %4): %6부터 %7까지 %5</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>계획</translation>
    </message>
    <message>
        <source>measured</source>
        <translation>측정</translation>
    </message>
</context>
<context>
    <name>cleave::gui::ClusterView</name>
    <message>
        <source>Local agents</source>
        <translation>로컬 에이전트</translation>
    </message>
    <message>
        <source>The project's device agents</source>
        <translation>프로젝트의 장치 에이전트</translation>
    </message>
    <message>
        <source>Device agents started here, each limited to its CPU share</source>
        <translation>여기서 시작하는 장치 에이전트, 각각 CPU 몫으로 제한</translation>
    </message>
    <message>
        <source>The agents listed with the device role in the Agents panel</source>
        <translation>에이전트 패널에 device 역할로 등록된 에이전트</translation>
    </message>
    <message>
        <source>Local device agents, each limited to its CPU share</source>
        <translation>각각 CPU 몫으로 제한된 로컬 장치 에이전트</translation>
    </message>
    <message>
        <source>The devices that take part, the first checked holding the input; add agents with the device role in the Agents panel</source>
        <translation>참여하는 장치. 처음 선택한 장치가 입력을 가집니다. 에이전트 패널에서 device 역할로 에이전트를 추가하세요</translation>
    </message>
    <message>
        <source>Stitches the strips and runs the rest of the model</source>
        <translation>스트립을 이어 붙이고 모델의 나머지를 실행</translation>
    </message>
    <message>
        <source>The planner's choice</source>
        <translation>플래너의 선택</translation>
    </message>
    <message>
        <source>One segment</source>
        <translation>세그먼트 하나</translation>
    </message>
    <message>
        <source>Up to the cut picked</source>
        <translation>선택한 절단 지점까지</translation>
    </message>
    <message>
        <source>One segment, or rounds gathered at the first device when faster</source>
        <translation>세그먼트 하나, 또는 더 빠르면 첫 장치에서 모으는 라운드</translation>
    </message>
    <message>
        <source>EdgeDI's partition beside it</source>
        <translation>EdgeDI의 분할도 함께</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Device of the last run</source>
        <translation>마지막 실행의 장치</translation>
    </message>
    <message>
        <source>Takes part</source>
        <translation>참여</translation>
    </message>
    <message>
        <source>What-if slowdown</source>
        <translation>가정 감속</translation>
    </message>
    <message>
        <source>Plan on the timings of the project's last cluster run: leave a device out or slow it down to see the plan change</source>
        <translation>프로젝트의 마지막 클러스터 실행 시간으로 계획합니다. 장치를 빼거나 느리게 하여 계획이 어떻게 바뀌는지 보세요</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>장치</translation>
    </message>
    <message>
        <source>CPU shares</source>
        <translation>CPU 몫</translation>
    </message>
    <message>
        <source>Device agents</source>
        <translation>장치 에이전트</translation>
    </message>
    <message>
        <source>Aggregator</source>
        <translation>집계기</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>네트워크</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>계획</translation>
    </message>
    <message>
        <source>Timed runs</source>
        <translation>측정 실행 횟수</translation>
    </message>
    <message>
        <source>Warm-up runs</source>
        <translation>워밍업 실행 횟수</translation>
    </message>
    <message>
        <source>Device %1's CPU share (cores)</source>
        <translation>장치 %1의 CPU 몫 (코어)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No agent with the device role in the Agents panel</source>
        <translation>에이전트 패널에 device 역할의 에이전트가 없습니다</translation>
    </message>
    <message>
        <source>The first device</source>
        <translation>첫 번째 장치</translation>
    </message>
    <message>
        <source>A local edge agent</source>
        <translation>로컬 엣지 에이전트</translation>
    </message>
    <message>
        <source>Edge agent %1</source>
        <translation>엣지 에이전트 %1</translation>
    </message>
    <message>
        <source>One segment up to cut %1</source>
        <translation>절단 지점 %1까지 한 세그먼트</translation>
    </message>
    <message>
        <source>The cut picked in the cut table</source>
        <translation>절단 지점 표에서 선택한 절단 지점</translation>
    </message>
    <message>
        <source>Pick a cut in the cut table first</source>
        <translation>먼저 절단 지점 표에서 절단 지점을 선택하세요</translation>
    </message>
    <message>
        <source>%1 inferences stored</source>
        <translation>저장된 추론 %1회</translation>
    </message>
    <message>
        <source>%1 of %2 inferences</source>
        <translation>추론 %2회 중 %1회</translation>
    </message>
    <message>
        <source>no plan before running: %1</source>
        <translation>실행 전 계획 없음: %1</translation>
    </message>
    <message>
        <source>the project's last cluster run of this model: %1 inferences over %2 devices; change the table, the link or the plan to see the plan instead</source>
        <translation>이 모델의 프로젝트 마지막 클러스터 실행: 장치 %2개에서 추론 %1회. 계획을 보려면 표, 링크 또는 계획을 바꾸세요</translation>
    </message>
    <message>
        <source>no plan: %1</source>
        <translation>계획 없음: %1</translation>
    </message>
    <message>
        <source>Check two device agents or more under Device agents (add them in the Agents panel with the device role).</source>
        <translation>장치 에이전트에서 두 개 이상을 선택하세요 (에이전트 패널에서 device 역할로 추가).</translation>
    </message>
    <message>
        <source>Open a model first.</source>
        <translation>먼저 모델을 여세요.</translation>
    </message>
    <message>
        <source>CPU share %1</source>
        <translation>CPU 몫 %1</translation>
    </message>
    <message>
        <source>running %1 over %2 devices (%3) on %4, %5</source>
        <translation>%1을(를) 장치 %2개 (%3)에서 %4로 실행, %5</translation>
    </message>
    <message>
        <source>done: %1</source>
        <translation>완료: %1</translation>
    </message>
    <message>
        <source>stopped: %1</source>
        <translation>중지됨: %1</translation>
    </message>
    <message>
        <source>cancelling: the calls in progress end, what was measured stays in the project</source>
        <translation>취소: 진행 중인 호출이 끝나고, 측정한 것은 프로젝트에 남습니다</translation>
    </message>
    <message>
        <source>Cancelling...</source>
        <translation>취소하는 중...</translation>
    </message>
</context>
<context>
    <name>cleave::gui::CutTableModel</name>
    <message>
        <source>Split</source>
        <translation>분할 지점</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>레이블</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>연산자</translation>
    </message>
    <message>
        <source>Tensors</source>
        <translation>텐서</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>형상</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>크기</translation>
    </message>
</context>
<context>
    <name>cleave::gui::ErrorText</name>
    <message>
        <source>device</source>
        <translation>디바이스</translation>
    </message>
    <message>
        <source>edge</source>
        <translation>엣지</translation>
    </message>
    <message>
        <source>cloud</source>
        <translation>클라우드</translation>
    </message>
    <message>
        <source>Tiers %1</source>
        <translation>계층 %1</translation>
    </message>
    <message>
        <source>Minimum split %1</source>
        <translation>최소 분할 지점 %1</translation>
    </message>
    <message>
        <source>block %1 pinned to the %2</source>
        <translation>블록 %1은(는) %2에 고정</translation>
    </message>
    <message>
        <source>block %1 kept off the %2</source>
        <translation>블록 %1은(는) %2 제외</translation>
    </message>
    <message>
        <source>tier %1 required</source>
        <translation>계층 %1 필수</translation>
    </message>
    <message>
        <source>tier %1 unused</source>
        <translation>계층 %1 사용 안 함</translation>
    </message>
    <message>
        <source>resource %1 required</source>
        <translation>리소스 %1 필수</translation>
    </message>
    <message>
        <source>resource %1 excluded</source>
        <translation>리소스 %1 제외</translation>
    </message>
    <message>
        <source>Maximum upload %1</source>
        <translation>최대 업로드 %1</translation>
    </message>
    <message>
        <source>Maximum device memory %1</source>
        <translation>최대 디바이스 메모리 %1</translation>
    </message>
    <message>
        <source>Maximum device time %1</source>
        <translation>최대 디바이스 시간 %1</translation>
    </message>
    <message>
        <source>Maximum latency %1</source>
        <translation>최대 지연 시간 %1</translation>
    </message>
    <message>
        <source>Maximum accuracy drop %1</source>
        <translation>최대 정확도 손실 %1</translation>
    </message>
    <message>
        <source>ranking length %1</source>
        <translation>순위 길이 %1</translation>
    </message>
    <message>
        <source>No timings of %1 cut this way: the project has them cut at %2; choose that under Cuts in the Model dock, or measure it in the Benchmark panel.</source>
        <translation>이 절단 방식으로는 %1의 측정 시간이 없습니다: 프로젝트에는 %2 기준으로 절단한 시간이 있습니다. 모델 패널의 절단에서 선택하거나 벤치마크 패널에서 측정하세요.</translation>
    </message>
    <message>
        <source>every node</source>
        <translation>모든 노드</translation>
    </message>
    <message>
        <source>its blocks</source>
        <translation>블록</translation>
    </message>
    <message>
        <source>No timings of %1 in this project yet: measure it in the Benchmark panel.</source>
        <translation>이 프로젝트에는 아직 %1의 측정 시간이 없습니다: 벤치마크 패널에서 측정하세요.</translation>
    </message>
    <message>
        <source>No %1 agent has measured %2 yet: add one in the Agents panel and measure the model in the Benchmark panel.</source>
        <translation>아직 %1 에이전트가 %2을(를) 측정하지 않았습니다: 에이전트 패널에서 추가하고 벤치마크 패널에서 모델을 측정하세요.</translation>
    </message>
    <message>
        <source>Codec %1 was not measured on %2: add it under Codecs in the Benchmark panel and measure again.</source>
        <translation>코덱 %1은(는) %2에서 측정되지 않았습니다: 벤치마크 패널의 코덱에 추가하고 다시 측정하세요.</translation>
    </message>
    <message>
        <source>No Transfer Layer timings of %1: add one under Transfer Layers in the Benchmark panel and measure again.</source>
        <translation>%1의 전송 계층 측정 시간이 없습니다: 벤치마크 패널의 전송 계층에 추가하고 다시 측정하세요.</translation>
    </message>
    <message>
        <source>Transfer Layer %1 was not measured for %2: add it under Transfer Layers in the Benchmark panel and measure again.</source>
        <translation>전송 계층 %1은(는) %2에 대해 측정되지 않았습니다: 벤치마크 패널의 전송 계층에 추가하고 다시 측정하세요.</translation>
    </message>
    <message>
        <source>%1 is out of range %2..%3</source>
        <translation>%1은(는) 범위 %2..%3을(를) 벗어납니다</translation>
    </message>
    <message>
        <source>%1 must be zero or more</source>
        <translation>%1은(는) 0 이상이어야 합니다</translation>
    </message>
    <message>
        <source>%1 must be positive</source>
        <translation>%1은(는) 양수여야 합니다</translation>
    </message>
    <message>
        <source>No split meets %1 with %2.</source>
        <translation>%2에서 %1을(를) 만족하는 분할이 없습니다.</translation>
    </message>
    <message>
        <source>%1 and %2 exclude each other: no split meets both.</source>
        <translation>%1와(과) %2은(는) 서로 배제합니다: 둘 다 만족하는 분할이 없습니다.</translation>
    </message>
    <message>
        <source>No split meets all of: %1.</source>
        <translation>모두를 동시에 만족하는 분할이 없습니다: %1.</translation>
    </message>
    <message>
        <source>No accuracy of %1 measured in this project: measure it with cleave-cli accuracy on the project file, or clear %2.</source>
        <translation>이 프로젝트에 %1의 정확도가 측정되지 않았습니다: 프로젝트 파일에 cleave-cli accuracy로 측정하거나 %2을(를) 해제하세요.</translation>
    </message>
    <message>
        <source>No split meets %1: the least drop measured on %2 is %3 (split %4).</source>
        <translation>%1을(를) 만족하는 분할이 없습니다: %2에서 측정된 가장 작은 손실은 %3입니다(분할 %4).</translation>
    </message>
    <message>
        <source>No split meets %1: none of the %2 that meet the other constraints has a measured accuracy.</source>
        <translation>%1을(를) 만족하는 분할이 없습니다: 다른 제약을 만족하는 %2개 중 정확도가 측정된 것이 없습니다.</translation>
    </message>
</context>
<context>
    <name>cleave::gui::ExportWizard</name>
    <message>
        <source>Export a Split</source>
        <translation>분할 내보내기</translation>
    </message>
    <message>
        <source>Split and Transfer Layer</source>
        <translation>분할 지점과 전송 계층</translation>
    </message>
    <message>
        <source>Blocks before the split run on the device, the rest on the edge.</source>
        <translation>분할 지점 앞의 블록은 디바이스에서, 나머지는 엣지에서 실행됩니다.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>분할 지점</translation>
    </message>
    <message>
        <source>Transfer Layer</source>
        <translation>전송 계층</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <source>Fine-tuning</source>
        <translation>미세 조정</translation>
    </message>
    <message>
        <source>Optional: train the model with its Transfer Layer on a data set (SGD, momentum 0.9), so the reduced tensor keeps its accuracy.</source>
        <translation>선택 사항: 전송 계층을 넣은 모델을 데이터셋으로 학습시켜 (SGD, 모멘텀 0.9) 축소된 텐서로도 정확도를 유지합니다.</translation>
    </message>
    <message>
        <source>Fine-tune the Transfer Layer</source>
        <translation>전송 계층 미세 조정</translation>
    </message>
    <message>
        <source>fashion-mnist (the Debian package), a folder of IDX files, or an ImageFolder</source>
        <translation>fashion-mnist (데비안 패키지), IDX 파일 폴더 또는 ImageFolder</translation>
    </message>
    <message>
        <source>all</source>
        <translation>전체</translation>
    </message>
    <message>
        <source>Train only the TL and the layers after the split</source>
        <translation>TL과 분할 지점 뒤의 계층만 학습</translation>
    </message>
    <message>
        <source>Data set</source>
        <translation>데이터셋</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>Training images</source>
        <translation>학습 이미지 수</translation>
    </message>
    <message>
        <source>Test images</source>
        <translation>테스트 이미지 수</translation>
    </message>
    <message>
        <source>Give a data set to fine-tune on.</source>
        <translation>미세 조정에 쓸 데이터셋을 지정하세요.</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>출력</translation>
    </message>
    <message>
        <source>The bundle: manifest, device head, edge tail and a Triton model repository, written to a new folder.</source>
        <translation>번들: 매니페스트, 디바이스용 앞부분, 엣지용 뒷부분, Triton 모델 저장소를 새 폴더에 씁니다.</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>찾아보기...</translation>
    </message>
    <message>
        <source>Replace the folder if it is not empty</source>
        <translation>폴더가 비어 있지 않으면 교체</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>폴더</translation>
    </message>
    <message>
        <source>Predict the latency on</source>
        <translation>지연 시간 예측 네트워크</translation>
    </message>
    <message>
        <source>Folder to Put the Bundle In</source>
        <translation>번들을 넣을 폴더</translation>
    </message>
    <message>
        <source>%1: is a file, not a folder</source>
        <translation>%1: 폴더가 아니라 파일입니다</translation>
    </message>
    <message>
        <source>%1: exists and is not empty; choose another folder or replace it</source>
        <translation>%1: 이미 있으며 비어 있지 않습니다. 다른 폴더를 고르거나 교체하세요</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <source>Not measured in this project (cleave-cli accuracy measures it)</source>
        <translation>이 프로젝트에서 측정되지 않음 (cleave-cli accuracy로 측정)</translation>
    </message>
    <message>
        <source>top-1 %1, %2 lost</source>
        <translation>top-1 %1, 손실 %2</translation>
    </message>
    <message>
        <source>%1 on %2 (the model unsplit)</source>
        <translation>%2에서 %1 (분할하지 않은 모델)</translation>
    </message>
    <message>
        <source>Split %1 with %2 not measured on %3</source>
        <translation>%2을(를) 쓴 분할 %1은(는) %3에서 측정되지 않음</translation>
    </message>
    <message>
        <source>no Transfer Layer</source>
        <translation>Transfer Layer 없음</translation>
    </message>
    <message>
        <source>fine-tuned %1: %2</source>
        <translation>미세 조정 %1: %2</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%2에서 %1</translation>
    </message>
    <message>
        <source>cancelling; nothing is written</source>
        <translation>취소 중입니다. 아무것도 쓰지 않습니다</translation>
    </message>
    <message>
        <source>Exporting split %1 of %2...</source>
        <translation>%2의 분할 지점 %1 내보내는 중...</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>완료.</translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation>내보내지 못함: %1</translation>
    </message>
</context>
<context>
    <name>cleave::gui::GraphView</name>
    <message>
        <source>Open a model to see its graph.</source>
        <translation>그래프를 보려면 모델을 여세요.</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation>확대</translation>
    </message>
    <message>
        <source>Zoom in (or turn the wheel over the graph)</source>
        <translation>확대 (또는 그래프 위에서 휠을 돌리세요)</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>축소</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>축소</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>맞춤</translation>
    </message>
    <message>
        <source>Show the whole graph</source>
        <translation>그래프 전체 보기</translation>
    </message>
    <message>
        <source>The graph is laid out when shown.</source>
        <translation>그래프는 표시될 때 배치됩니다.</translation>
    </message>
    <message numerus="yes">
        <source>Laying out %n box(es)...</source>
        <translation><numerusform>상자 %n개 배치 중...</numerusform>
        </translation>
    </message>
    <message>
        <source>No graph: %1</source>
        <translation>그래프 없음: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n box(es)</source>
        <translation><numerusform>상자 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n edge(s)</source>
        <translation><numerusform>간선 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>click a box to split after it</source>
        <translation>상자를 클릭하면 그 뒤에서 분할합니다</translation>
    </message>
    <message>
        <source>%1
%2
Click: split %3 (everything up to here on the device)</source>
        <translation>%1
%2
클릭: 분할 지점 %3 (여기까지 모두 디바이스에서)</translation>
    </message>
    <message>
        <source>%1 from %2 to %3</source>
        <translation>%2에서 %3(으)로 %1</translation>
    </message>
    <message>
        <source>sent at the split</source>
        <translation>분할 지점에서 전송</translation>
    </message>
</context>
<context>
    <name>cleave::plots::LatencyStackPlot</name>
    <message>
        <source>Split (blocks before it run on the device)</source>
        <translation>분할 지점 (그 앞의 블록은 디바이스에서 실행)</translation>
    </message>
    <message>
        <source>End-to-end latency (ms)</source>
        <translation>종단 간 지연 시간 (ms)</translation>
    </message>
    <message>
        <source>Measured, ScissionTL</source>
        <translation>측정값, ScissionTL</translation>
    </message>
    <message>
        <source>Measured, Scission</source>
        <translation>측정값, Scission</translation>
    </message>
    <message>
        <source>Split %1, %2</source>
        <translation>분할 지점 %1, %2</translation>
    </message>
    <message>
        <source>Scission</source>
        <translation>Scission</translation>
    </message>
    <message>
        <source>ScissionTL with %1</source>
        <translation>ScissionTL, %1 사용</translation>
    </message>
    <message>
        <source>ScissionTL (no TL here)</source>
        <translation>ScissionTL (여기서는 TL 없음)</translation>
    </message>
    <message>
        <source> — excluded by the constraints</source>
        <translation> — 제약 조건으로 제외됨</translation>
    </message>
    <message>
        <source>
Total: %1
Sent: %2</source>
        <translation>
합계: %1
전송: %2</translation>
    </message>
    <message>
        <source>
Device memory: %1</source>
        <translation>
디바이스 메모리: %1</translation>
    </message>
    <message>
        <source> — left: Scission, right: ScissionTL (darker)</source>
        <translation> — 왼쪽: Scission, 오른쪽: ScissionTL (진한 색)</translation>
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
        <translation>그래프 크기</translation>
    </message>
    <message>
        <source> DPI</source>
        <translation> DPI</translation>
    </message>
    <message>
        <source>Width (px at 96 DPI, pt in PDF/SVG)</source>
        <translation>너비 (96 DPI 기준 px, PDF/SVG에서는 pt)</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>높이</translation>
    </message>
    <message>
        <source>Resolution (PNG)</source>
        <translation>해상도 (PNG)</translation>
    </message>
    <message>
        <source>Benchmark complete: %1</source>
        <translation>벤치마크 완료: %1</translation>
    </message>
    <message>
        <source>Benchmark stopped: %1</source>
        <translation>벤치마크 중지됨: %1</translation>
    </message>
    <message>
        <source>Offloading %1...</source>
        <translation>%1 오프로드 중...</translation>
    </message>
    <message>
        <source>Offload complete: %1</source>
        <translation>오프로드 완료: %1</translation>
    </message>
    <message>
        <source>Offload stopped: %1</source>
        <translation>오프로드 중지됨: %1</translation>
    </message>
    <message>
        <source>Running %1 over a cluster...</source>
        <translation>%1을(를) 클러스터에서 실행 중...</translation>
    </message>
    <message>
        <source>Cluster run complete: %1</source>
        <translation>클러스터 실행 완료: %1</translation>
    </message>
    <message>
        <source>Cluster run stopped: %1</source>
        <translation>클러스터 실행 중지: %1</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>계획</translation>
    </message>
    <message>
        <source>Offload</source>
        <translation>오프로드</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>클러스터</translation>
    </message>
    <message>
        <source>Graph</source>
        <translation>그래프</translation>
    </message>
    <message>
        <source>Open a model to begin.</source>
        <translation>시작하려면 모델을 여세요.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>에이전트</translation>
    </message>
    <message>
        <source>Benchmark</source>
        <translation>벤치마크</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New Project...</source>
        <translation>새 프로젝트(&amp;N)...</translation>
    </message>
    <message>
        <source>&amp;Open Project...</source>
        <translation>프로젝트 열기(&amp;O)...</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>최근 항목 열기(&amp;R)</translation>
    </message>
    <message>
        <source>Save Project &amp;As...</source>
        <translation>다른 이름으로 프로젝트 저장(&amp;A)...</translation>
    </message>
    <message>
        <source>Open &amp;Model...</source>
        <translation>모델 열기(&amp;M)...</translation>
    </message>
    <message>
        <source>Open &amp;Zoo Model...</source>
        <translation>모델 모음에서 열기(&amp;Z)...</translation>
    </message>
    <message>
        <source>Export &amp;Bundle...</source>
        <translation>번들 내보내기(&amp;B)...</translation>
    </message>
    <message>
        <source>Export &amp;Plot...</source>
        <translation>그래프 내보내기(&amp;P)...</translation>
    </message>
    <message>
        <source>Export Ran&amp;king...</source>
        <translation>순위 내보내기(&amp;K)...</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>복사(&amp;C)</translation>
    </message>
    <message>
        <source>Copy &amp;Plot</source>
        <translation>그래프 복사(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>Follow the &amp;System</source>
        <translation>시스템 설정 따르기(&amp;S)</translation>
    </message>
    <message>
        <source>The language changes when Cleave starts again.</source>
        <translation>언어는 Cleave를 다시 시작하면 바뀝니다.</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>테마(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>밝게(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>어둡게(&amp;D)</translation>
    </message>
    <message>
        <source>New Project</source>
        <translation>새 프로젝트</translation>
    </message>
    <message>
        <source>Cleave projects (*.cleave)</source>
        <translation>Cleave 프로젝트 (*.cleave)</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>프로젝트 열기</translation>
    </message>
    <message>
        <source>Save Project As</source>
        <translation>다른 이름으로 프로젝트 저장</translation>
    </message>
    <message>
        <source>Open Model</source>
        <translation>모델 열기</translation>
    </message>
    <message>
        <source>TorchScript models (*.pt *.pth)</source>
        <translation>TorchScript 모델 (*.pt *.pth)</translation>
    </message>
    <message>
        <source>Open Zoo Model</source>
        <translation>모델 모음에서 열기</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <source>Export Plot</source>
        <translation>그래프 내보내기</translation>
    </message>
    <message>
        <source>PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)</source>
        <translation>PNG 이미지 (*.png);;PDF 문서 (*.pdf);;SVG 그림 (*.svg)</translation>
    </message>
    <message>
        <source>Plot written to %1</source>
        <translation>그래프를 %1에 저장했습니다</translation>
    </message>
    <message>
        <source>Export Ranking</source>
        <translation>순위 내보내기</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation>CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Ranking written to %1</source>
        <translation>순위를 %1에 저장했습니다</translation>
    </message>
    <message>
        <source>%1: nothing to export: there is no ranking yet</source>
        <translation>%1: 내보낼 것이 없습니다. 아직 순위가 없습니다</translation>
    </message>
    <message>
        <source>%1: unknown format '%2' (use .csv or .json)</source>
        <translation>%1: 알 수 없는 형식 '%2' (.csv 또는 .json 사용)</translation>
    </message>
    <message>
        <source>%1: cannot write the file (%2)</source>
        <translation>%1: 파일을 쓸 수 없습니다 (%2)</translation>
    </message>
    <message>
        <source>Open a model to export a split of it.</source>
        <translation>분할을 내보낼 모델을 여세요.</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>내보내기 실패: %1</translation>
    </message>
    <message>
        <source>Plot copied</source>
        <translation>그래프를 복사했습니다</translation>
    </message>
    <message>
        <source>Nothing to copy: select rows first</source>
        <translation>복사할 것이 없습니다: 먼저 행을 선택하세요</translation>
    </message>
    <message>
        <source>Rows copied</source>
        <translation>행을 복사했습니다</translation>
    </message>
    <message>
        <source>Nothing to copy: select text or rows, or click a plot (Copy Plot takes the plots shown)</source>
        <translation>복사할 것이 없습니다: 텍스트나 행을 선택하거나 그래프를 클릭하세요 (그래프 복사는 표시된 그래프를 복사합니다)</translation>
    </message>
    <message>
        <source>Opening %1...</source>
        <translation>%1 여는 중...</translation>
    </message>
    <message>
        <source>%1: there is no project to save</source>
        <translation>%1: 저장할 프로젝트가 없습니다</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>%1(으)로 저장했습니다</translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1: %2, %3</translation>
    </message>
    <message>
        <source>Planning with timings from %1</source>
        <translation>%1의 측정 시간으로 계획 중</translation>
    </message>
    <message>
        <source>Measuring %1...</source>
        <translation>%1 측정 중...</translation>
    </message>
    <message>
        <source>The device cannot be emulated here (%1): it runs unthrottled, and the plan is a what-if of a device %2 times slower, predicted only.</source>
        <translation>여기서는 디바이스를 에뮬레이션할 수 없습니다(%1). 제한 없이 실행되며, 계획은 %2배 느린 디바이스를 가정한 예측일 뿐입니다.</translation>
    </message>
    <message>
        <source>Measuring %1 as the demo...</source>
        <translation>%1을(를) 데모로 측정하는 중...</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>제목 없음</translation>
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
        <translation>이 알림 닫기</translation>
    </message>
</context>
<context>
    <name>cleave::gui::ModelView</name>
    <message>
        <source>Blocks (one tensor crosses)</source>
        <translation>블록 (텐서 하나가 지나감)</translation>
    </message>
    <message>
        <source>Every node (several tensors may cross)</source>
        <translation>모든 노드 (여러 텐서가 지나갈 수 있음)</translation>
    </message>
    <message>
        <source>No model open.</source>
        <translation>열린 모델이 없습니다.</translation>
    </message>
    <message>
        <source>Where the model may be split. Blocks: where one tensor crosses, as Scission cuts. Every node: between any two operations, sending every tensor still needed after it. Benchmark, plan, offload and export follow this choice.</source>
        <translation>모델을 나눌 수 있는 위치. 블록: Scission처럼 텐서 하나가 지나가는 곳. 모든 노드: 임의의 두 연산 사이이며, 그 뒤에 아직 필요한 모든 텐서를 보냅니다. 벤치마크, 계획, 오프로드, 내보내기가 이 선택을 따릅니다.</translation>
    </message>
    <message>
        <source>Filter by label, operator or shape</source>
        <translation>레이블, 연산자, 형상으로 거르기</translation>
    </message>
    <message>
        <source>&amp;Cuts:</source>
        <translation>절단(&amp;C):</translation>
    </message>
    <message>
        <source>%1 — %2, input %3</source>
        <translation>%1 — %2, 입력 %3</translation>
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
        <translation>%1 포인트</translation>
    </message>
    <message numerus="yes">
        <source>%n split(s)</source>
        <translation><numerusform>분할 지점 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n block(s)</source>
        <translation><numerusform>블록 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation><numerusform>%n회 실행</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cleave::gui::OffloadView</name>
    <message>
        <source>The selected split</source>
        <translation>선택한 분할 지점</translation>
    </message>
    <message>
        <source>Every split (sweep)</source>
        <translation>모든 분할 지점 (전체 실행)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>No emulation: loopback as it is</source>
        <translation>에뮬레이션 없음: 루프백 그대로</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Transfer Layer</source>
        <translation>전송 계층</translation>
    </message>
    <message>
        <source>Codec</source>
        <translation>코덱</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>네트워크</translation>
    </message>
    <message>
        <source>Timed runs</source>
        <translation>측정 실행 횟수</translation>
    </message>
    <message>
        <source>Warm-up runs</source>
        <translation>워밍업 실행 횟수</translation>
    </message>
    <message>
        <source>Open a model first.</source>
        <translation>먼저 모델을 여세요.</translation>
    </message>
    <message>
        <source>offloading %1 (%2) on %3, %4 each</source>
        <translation>%1 (%2)을(를) %3에서 오프로드, 각 %4</translation>
    </message>
    <message>
        <source>every split</source>
        <translation>모든 분할 지점</translation>
    </message>
    <message>
        <source>split %1</source>
        <translation>분할 지점 %1</translation>
    </message>
    <message>
        <source>%p% (split %1, %2 of %3)</source>
        <translation>%p% (분할 지점 %1, %3개 중 %2번째)</translation>
    </message>
    <message>
        <source>done: %1</source>
        <translation>완료: %1</translation>
    </message>
    <message>
        <source>stopped: %1</source>
        <translation>중지됨: %1</translation>
    </message>
    <message>
        <source>The selected split (%1)</source>
        <translation>선택한 분할 지점 (%1)</translation>
    </message>
    <message>
        <source>cancelling; the runs so far stay in the project</source>
        <translation>취소 중입니다. 지금까지의 실행 결과는 프로젝트에 남습니다</translation>
    </message>
    <message>
        <source>nothing to draw: %1</source>
        <translation>그릴 것이 없습니다: %1</translation>
    </message>
</context>
<context>
    <name>cleave::plots::ParetoPlot</name>
    <message>
        <source>End-to-end latency (ms)</source>
        <translation>종단 간 지연 시간 (ms)</translation>
    </message>
    <message>
        <source>Top-1 accuracy (%)</source>
        <translation>Top-1 정확도 (%)</translation>
    </message>
    <message>
        <source>Pareto front</source>
        <translation>파레토 프런트</translation>
    </message>
    <message>
        <source>No Transfer Layer</source>
        <translation>Transfer Layer 없음</translation>
    </message>
    <message>
        <source>Transfer Layer</source>
        <translation>전송 계층</translation>
    </message>
    <message>
        <source>Transfer Layer, fine-tuned</source>
        <translation>Transfer Layer, 미세 조정</translation>
    </message>
    <message>
        <source>Selected</source>
        <translation>선택됨</translation>
    </message>
    <message>
        <source>Latency against accuracy</source>
        <translation>지연 시간 대 정확도</translation>
    </message>
    <message>
        <source>no Transfer Layer</source>
        <translation>Transfer Layer 없음</translation>
    </message>
    <message>
        <source>%1, fine-tuned %2</source>
        <translation>%1, 미세 조정 %2</translation>
    </message>
    <message>
        <source>Split %1, %2
%3
Latency: %4</source>
        <translation>분할 %1, %2
%3
지연 시간: %4</translation>
    </message>
    <message>
        <source>
Top-1: %1, top-5: %2, agreement: %3
Drop: %4 (%5 images of %6)</source>
        <translation>
Top-1: %1, top-5: %2, 일치율: %3
손실: %4 (%6의 이미지 %5개)</translation>
    </message>
</context>
<context>
    <name>cleave::gui::PlanView</name>
    <message>
        <source>Uplink bandwidth, 1 to 1000 Mbit/s on a log scale</source>
        <translation>업링크 대역폭, 로그 척도로 1~1000 Mbit/s</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Privacy: blocks before this split stay on the device</source>
        <translation>개인정보 보호: 이 분할 지점 앞의 블록은 디바이스에 남습니다</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>제한 없음</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>Memory the device's blocks may need: their weights and the largest activation, as the benchmark measured them</source>
        <translation>디바이스의 블록에 허용되는 메모리: 벤치마크가 측정한 가중치와 가장 큰 활성화</translation>
    </message>
    <message>
        <source> points</source>
        <translation> 포인트</translation>
    </message>
    <message>
        <source>device + edge</source>
        <translation>디바이스 + 엣지</translation>
    </message>
    <message>
        <source>device + edge + cloud</source>
        <translation>디바이스 + 엣지 + 클라우드</translation>
    </message>
    <message>
        <source>The link between the edge and the cloud (three tiers)</source>
        <translation>엣지와 클라우드 사이의 링크 (3계층)</translation>
    </message>
    <message>
        <source> Mbit/s</source>
        <translation> Mbit/s</translation>
    </message>
    <message>
        <source>ScissionTL (with Transfer Layers)</source>
        <translation>ScissionTL (전송 계층 사용)</translation>
    </message>
    <message>
        <source>Scission</source>
        <translation>Scission</translation>
    </message>
    <message>
        <source>How the tensor crosses the link: the codecs the benchmark measured</source>
        <translation>텐서가 링크를 건너는 방식: 벤치마크가 측정한 코덱</translation>
    </message>
    <message>
        <source>Scission and ScissionTL side by side</source>
        <translation>Scission과 ScissionTL 나란히</translation>
    </message>
    <message>
        <source>Scission only</source>
        <translation>Scission만</translation>
    </message>
    <message>
        <source>ScissionTL only</source>
        <translation>ScissionTL만</translation>
    </message>
    <message>
        <source>all</source>
        <translation>전체</translation>
    </message>
    <message>
        <source>How many configurations the ranking lists, and Export Ranking writes</source>
        <translation>순위에 표시하고 순위 내보내기가 쓰는 구성의 수</translation>
    </message>
    <message>
        <source>Link preset</source>
        <translation>네트워크 프리셋</translation>
    </message>
    <message>
        <source>Uplink</source>
        <translation>업링크</translation>
    </message>
    <message>
        <source>Latency (one way)</source>
        <translation>지연 시간 (단방향)</translation>
    </message>
    <message>
        <source>Ranking</source>
        <translation>순위 기준</translation>
    </message>
    <message>
        <source>Codec</source>
        <translation>코덱</translation>
    </message>
    <message>
        <source>Plot</source>
        <translation>그래프</translation>
    </message>
    <message>
        <source>Minimum split</source>
        <translation>최소 분할 지점</translation>
    </message>
    <message>
        <source>Maximum upload</source>
        <translation>최대 업로드</translation>
    </message>
    <message>
        <source>Maximum device time</source>
        <translation>최대 디바이스 시간</translation>
    </message>
    <message>
        <source>Maximum device memory</source>
        <translation>최대 디바이스 메모리</translation>
    </message>
    <message>
        <source>Maximum accuracy drop</source>
        <translation>최대 정확도 손실</translation>
    </message>
    <message>
        <source>Tiers</source>
        <translation>계층</translation>
    </message>
    <message>
        <source>Edge–cloud link</source>
        <translation>엣지-클라우드 링크</translation>
    </message>
    <message>
        <source>Benchmark Now</source>
        <translation>지금 벤치마크</translation>
    </message>
    <message>
        <source>Measure the open model on the agents, with the Benchmark panel's settings</source>
        <translation>벤치마크 패널의 설정으로 열린 모델을 에이전트에서 측정합니다</translation>
    </message>
    <message>
        <source>Latency per split</source>
        <translation>분할별 지연 시간</translation>
    </message>
    <message>
        <source>Latency and accuracy</source>
        <translation>지연 시간과 정확도</translation>
    </message>
    <message>
        <source>Top-1 accuracy lost against the unsplit model at most, in percentage points, as measured on %1; configurations not measured are left out</source>
        <translation>분할하지 않은 모델 대비 허용하는 최대 top-1 정확도 손실(퍼센트 포인트, %1에서 측정). 측정되지 않은 구성은 제외됩니다</translation>
    </message>
    <message>
        <source>No accuracy of this model measured in the project: measure it with cleave-cli accuracy MODEL --data DATA --db on the project file</source>
        <translation>프로젝트에 이 모델의 정확도가 측정되지 않았습니다: 프로젝트 파일에 cleave-cli accuracy MODEL --data DATA --db로 측정하세요</translation>
    </message>
    <message>
        <source>No timings yet: measure the model in the Benchmark panel.</source>
        <translation>아직 측정 시간이 없습니다: 벤치마크 패널에서 모델을 측정하세요.</translation>
    </message>
    <message>
        <source> — no Transfer Layer timings: Scission only</source>
        <translation> — 전송 계층 측정 시간 없음: Scission만</translation>
    </message>
    <message>
        <source> — accuracy on %1</source>
        <translation> — %1에서의 정확도</translation>
    </message>
    <message numerus="yes">
        <source> — %n configuration(s) without a measured accuracy left out</source>
        <translation><numerusform> — 정확도가 측정되지 않은 구성 %n개 제외</numerusform>
        </translation>
    </message>
    <message>
        <source> — what-if: the device %1 times slower, predicted</source>
        <translation> — 가정: 디바이스가 %1배 느림, 예측값</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%2에서 %1</translation>
    </message>
    <message>
        <source> — no accuracy measured: cleave-cli accuracy measures it</source>
        <translation> — 측정된 정확도 없음: cleave-cli accuracy로 측정</translation>
    </message>
    <message>
        <source> — no configuration meets the constraints</source>
        <translation> — 제약을 만족하는 구성이 없음</translation>
    </message>
</context>
<context>
    <name>cleave::plots::PredictionPlot</name>
    <message>
        <source>Predicted end-to-end latency (ms)</source>
        <translation>예측한 종단 간 지연 시간 (ms)</translation>
    </message>
    <message>
        <source>Measured end-to-end latency (ms)</source>
        <translation>측정한 종단 간 지연 시간 (ms)</translation>
    </message>
    <message>
        <source>Measured = predicted</source>
        <translation>측정값 = 예측값</translation>
    </message>
    <message>
        <source>±10 %</source>
        <translation>±10 %</translation>
    </message>
    <message>
        <source>With Transfer Layer</source>
        <translation>전송 계층 사용</translation>
    </message>
    <message>
        <source>Without</source>
        <translation>사용 안 함</translation>
    </message>
    <message>
        <source>Predicted versus measured</source>
        <translation>예측값과 측정값 비교</translation>
    </message>
    <message>
        <source>%1 on %2 — predicted versus measured: median error %3, worst %4</source>
        <translation>%2에서 %1 — 예측 대 측정: 중앙 오차 %3, 최대 %4</translation>
    </message>
</context>
<context>
    <name>cleave::gui::RankingModel</name>
    <message>
        <source>%1 ft</source>
        <translation>%1 미세</translation>
    </message>
    <message>
        <source>No accuracy measured for this configuration: measure it with cleave-cli accuracy on the project file</source>
        <translation>이 구성의 정확도가 측정되지 않았습니다: 프로젝트 파일에 cleave-cli accuracy로 측정하세요</translation>
    </message>
    <message>
        <source>Top-1 %1, top-5 %2, agreement with the unsplit model %3; %4 lost, on %5 images of %6</source>
        <translation>Top-1 %1, top-5 %2, 분할하지 않은 모델과의 일치율 %3; 손실 %4, %6의 이미지 %5개 기준</translation>
    </message>
    <message>
        <source>; TL fine-tuned: %1</source>
        <translation>; TL 미세 조정: %1</translation>
    </message>
    <message>
        <source>Split %1 on %2</source>
        <translation>분할 지점 %1, %2에서 실행</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>분할 지점</translation>
    </message>
    <message>
        <source>TL</source>
        <translation>TL</translation>
    </message>
    <message>
        <source>Total ms</source>
        <translation>합계 ms</translation>
    </message>
    <message>
        <source>Device ms</source>
        <translation>디바이스 ms</translation>
    </message>
    <message>
        <source>Uplink ms</source>
        <translation>업링크 ms</translation>
    </message>
    <message>
        <source>Edge ms</source>
        <translation>엣지 ms</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>업로드</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>리소스</translation>
    </message>
</context>
<context>
    <name>cleave::plots::ShareBar</name>
    <message>
        <source>Inference</source>
        <translation>추론</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>행</translation>
    </message>
    <message>
        <source>Rows per device</source>
        <translation>장치별 행</translation>
    </message>
</context>
<context>
    <name>cleave::plots::SpeedupPlot</name>
    <message>
        <source>Devices</source>
        <translation>장치</translation>
    </message>
    <message>
        <source>Speed-up</source>
        <translation>속도 향상</translation>
    </message>
    <message>
        <source>Bound</source>
        <translation>한계</translation>
    </message>
    <message>
        <source>Cleave, planned</source>
        <translation>Cleave, 계획</translation>
    </message>
    <message>
        <source>EdgeDI, planned</source>
        <translation>EdgeDI, 계획</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>측정</translation>
    </message>
    <message>
        <source>Speed-up over the fastest device alone</source>
        <translation>가장 빠른 장치 단독 대비 속도 향상</translation>
    </message>
</context>
<context>
    <name>cleave::gui::StartPage</name>
    <message>
        <source>&lt;h2&gt;Cleave&lt;/h2&gt;Plan split DNN inference between device, edge and cloud: open a model, measure it on your machines, and see where to cut it.</source>
        <translation>&lt;h2&gt;Cleave&lt;/h2&gt;디바이스, 엣지, 클라우드 사이의 분할 DNN 추론을 계획합니다: 모델을 열고, 내 머신에서 측정하고, 어디서 나눌지 확인하세요.</translation>
    </message>
    <message>
        <source>Open Model File...</source>
        <translation>모델 파일 열기...</translation>
    </message>
    <message>
        <source>Open Project...</source>
        <translation>프로젝트 열기...</translation>
    </message>
    <message>
        <source>New Project...</source>
        <translation>새 프로젝트...</translation>
    </message>
    <message>
        <source>Try It: ResNet-18 on a Slow Device beside a Fast Edge</source>
        <translation>체험하기: 빠른 엣지 옆의 느린 디바이스에서 ResNet-18</translation>
    </message>
    <message>
        <source>Opens ResNet-18 from the zoo and measures it on a device and an edge agent started on this machine</source>
        <translation>모델 모음에서 ResNet-18을 열고 이 컴퓨터에서 시작한 디바이스 에이전트와 엣지 에이전트에서 측정합니다</translation>
    </message>
    <message>
        <source>Zoo model</source>
        <translation>모델 모음</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>아키텍처</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>클래스</translation>
    </message>
    <message>
        <source>Double-click to open a model; its weights are seeded, not trained</source>
        <translation>두 번 클릭하면 모델을 엽니다. 가중치는 학습된 것이 아니라 시드로 생성됩니다</translation>
    </message>
    <message>
        <source>Double-click to open a project</source>
        <translation>두 번 클릭하면 프로젝트를 엽니다</translation>
    </message>
    <message>
        <source>Zoo models</source>
        <translation>모델 모음</translation>
    </message>
    <message>
        <source>Recent projects</source>
        <translation>최근 프로젝트</translation>
    </message>
</context>
<context>
    <name>cleave::plots::TransferSizePlot</name>
    <message>
        <source>Split</source>
        <translation>분할 지점</translation>
    </message>
    <message>
        <source>Sent (log scale)</source>
        <translation>전송량 (로그 척도)</translation>
    </message>
    <message>
        <source>Codec</source>
        <translation>코덱</translation>
    </message>
    <message>
        <source>Transfer Layer</source>
        <translation>전송 계층</translation>
    </message>
    <message>
        <source>Raw tensor</source>
        <translation>원본 텐서</translation>
    </message>
    <message>
        <source>Transfer size per split</source>
        <translation>분할 지점별 전송 크기</translation>
    </message>
    <message>
        <source>%1 — transfer size per split</source>
        <translation>%1 — 분할 지점별 전송 크기</translation>
    </message>
</context>
<context>
    <name>cleave::gui::ClusterWork</name>
    <message>
        <source>starting %1 local device agents</source>
        <translation>로컬 장치 에이전트 %1개 시작</translation>
    </message>
    <message>
        <source>%1 inferences, median %2 ms (%3 ms planned); the strips' median makespan %4 ms, %5x the fastest device alone on the same blocks (bound %6x)</source>
        <translation>추론 %1회, 중앙값 %2 ms (계획 %3 ms); 스트립의 중앙 makespan %4 ms, 같은 블록에서 가장 빠른 장치 단독의 %5배 (한계 %6배)</translation>
    </message>
    <message>
        <source>; EdgeDI's partition: median makespan %1 ms</source>
        <translation>; EdgeDI 분할: 중앙 makespan %1 ms</translation>
    </message>
</context>
<context>
    <name>cleave::gui::ModelLoading</name>
    <message>
        <source>wrote %1: split %2%3, %4 on the wire</source>
        <translation>%1 저장: 분할 지점 %2%3, 전송 %4</translation>
    </message>
    <message>
        <source>model as it is: top-1 %1; with %2 before fine-tuning: top-1 %3</source>
        <translation>원래 모델: top-1 %1; 미세 조정 전 %2 적용: top-1 %3</translation>
    </message>
    <message>
        <source>epoch %1/%2: loss %3, test top-1 %4, top-5 %5</source>
        <translation>에포크 %1/%2: 손실 %3, 테스트 top-1 %4, top-5 %5</translation>
    </message>
    <message>
        <source>, predicted %1 (%2)</source>
        <translation>, 예측 %1 (%2)</translation>
    </message>
</context>
<context>
    <name>cleave::gui::ProjectWork</name>
    <message>
        <source>'%1' is not HOST:PORT</source>
        <translation>'%1'은(는) HOST:PORT 형식이 아닙니다</translation>
    </message>
    <message>
        <source>'%1': port %2 is outside 1-65535</source>
        <translation>'%1': 포트 %2이(가) 1-65535 범위를 벗어났습니다</translation>
    </message>
    <message>
        <source>%1@%2, %3 cores, %4 threads, LibTorch %5, %6</source>
        <translation>%1@%2, 코어 %3개, 스레드 %4개, LibTorch %5, %6</translation>
    </message>
    <message>
        <source>starting the local agents</source>
        <translation>로컬 에이전트 시작 중</translation>
    </message>
    <message>
        <source>%1 run %2 (%3, whole model %4)</source>
        <translation>%1 실행 %2 (%3, 전체 모델 %4)</translation>
    </message>
    <message>
        <source>split %1%2: measured %3</source>
        <translation>분할 지점 %1%2: 측정 %3</translation>
    </message>
    <message>
        <source>, predicted %1 (%2)</source>
        <translation>, 예측 %1 (%2)</translation>
    </message>
    <message>
        <source>%1 offloaded</source>
        <translation>%1 오프로드함</translation>
    </message>
    <message>
        <source>; prediction error: median %1, worst %2</source>
        <translation>; 예측 오차: 중앙값 %1, 최대 %2</translation>
    </message>
</context>
<context>
    <name>cleave::plots::Parts</name>
    <message>
        <source>Device</source>
        <translation>디바이스</translation>
    </message>
    <message>
        <source>DeviceTL</source>
        <translation>디바이스 TL</translation>
    </message>
    <message>
        <source>Serialise</source>
        <translation>직렬화</translation>
    </message>
    <message>
        <source>Uplink</source>
        <translation>업링크</translation>
    </message>
    <message>
        <source>Deserialise</source>
        <translation>역직렬화</translation>
    </message>
    <message>
        <source>EdgeTL</source>
        <translation>엣지 TL</translation>
    </message>
    <message>
        <source>Edge</source>
        <translation>엣지</translation>
    </message>
    <message>
        <source>Edge to cloud</source>
        <translation>엣지→클라우드</translation>
    </message>
    <message>
        <source>Cloud</source>
        <translation>클라우드</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>반환</translation>
    </message>
</context>
<context>
    <name>cleave::plots::PlotExport</name>
    <message>
        <source>%1: a plot of %2 x %3 is outside 16 to 20000 on a side</source>
        <translation>%1: %2 x %3 그래프는 한 변 16~20000 범위를 벗어납니다</translation>
    </message>
    <message>
        <source>%1: %2 DPI is outside 24 to 1200</source>
        <translation>%1: %2 DPI는 24~1200 범위를 벗어납니다</translation>
    </message>
    <message>
        <source>%1: cannot write the PNG file</source>
        <translation>%1: PNG 파일을 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>%1: unknown image format '%2' (use .png, .pdf or .svg)</source>
        <translation>%1: 알 수 없는 이미지 형식 '%2' (.png, .pdf, .svg 사용)</translation>
    </message>
    <message>
        <source>%1: cannot write the file (%2)</source>
        <translation>%1: 파일을 쓸 수 없습니다 (%2)</translation>
    </message>
    <message>
        <source>Cleave plot</source>
        <translation>Cleave 그래프</translation>
    </message>
    <message>
        <source>%1: cannot write the file</source>
        <translation>%1: 파일을 쓸 수 없습니다</translation>
    </message>
</context>
<context>
    <name>cleave::plots::Spans</name>
    <message>
        <source>Receive</source>
        <translation>수신</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>계산</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>전송</translation>
    </message>
    <message>
        <source>Stitch</source>
        <translation>이어 붙이기</translation>
    </message>
    <message>
        <source>Rest of the model</source>
        <translation>모델의 나머지</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>반환</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Plan split DNN inference between device, edge and cloud.</source>
        <translation>디바이스, 엣지, 클라우드 사이의 DNN 분할 추론을 계획합니다.</translation>
    </message>
    <message>
        <source>a .cleave project (timings from cleave-cli bench)</source>
        <translation>.cleave 프로젝트 (cleave-cli bench의 측정 시간)</translation>
    </message>
    <message>
        <source>save the window to FILE (PNG) once the plan is drawn, then quit</source>
        <translation>계획을 그린 뒤 창을 FILE(PNG)로 저장하고 종료</translation>
    </message>
    <message>
        <source>print how long the window took to become interactive, then quit</source>
        <translation>창이 조작 가능해지기까지 걸린 시간을 출력하고 종료</translation>
    </message>
    <message>
        <source>colours: system, light or dark (kept for next time)</source>
        <translation>색상: system, light, dark (다음 실행에도 유지)</translation>
    </message>
    <message>
        <source>language: system, en, de or ko (kept for next time)</source>
        <translation>언어: system, en, de, ko (다음 실행에도 유지)</translation>
    </message>
    <message>
        <source>Displays version information.</source>
        <translation>버전 정보를 표시합니다.</translation>
    </message>
    <message>
        <source>TorchScript file or zoo:NAME; a .cleave project alone opens it with the model it was last planned with</source>
        <translation>TorchScript 파일 또는 zoo:NAME; .cleave 프로젝트만 주면 마지막으로 계획한 모델과 함께 엽니다</translation>
    </message>
    <message>
        <source>open on the plan, the offload, the cluster or the graph view</source>
        <translation>계획, 오프로드, 클러스터 또는 그래프 보기로 열기</translation>
    </message>
</context>
</TS>
