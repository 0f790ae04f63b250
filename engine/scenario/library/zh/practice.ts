import type { ScenarioText } from '../text';

/** Simplified Chinese text of built-ins (see ./index.ts for which). */
export const practice: Readonly<Record<string, ScenarioText>> = {
  'rate-limit-fixed-window': {
    title: '固定窗口：跨窗口边界放过两倍流量',
    description: '固定窗口限流每秒允许 10 个请求。客户端在某一秒的最后 100 ms 发出 10 个请求，又在下一秒的前 100 ms 发出 10 个：20 个请求全部放行。',
    watchFor: '窗口计数器涨到 10/10，在窗口边界处清零；速率上限不变式会报告 200 ms 内通过了 20 个请求。',
    tryThis: [
      '把限流器换成滑动窗口日志：突发流量的后一半会被拒绝。',
      '把突发流量拉得更开（spreadMs 600）：固定窗口仍会在 1.2 s 内放过 2 × 10 个请求。',
    ],
  },
  'rate-limit-sliding-window': {
    title: '滑动窗口：日志法与分片计数法',
    description: '同样的跨边界突发流量分别打到滑动窗口日志（精确）和 6 个分片的滑动窗口计数器（估算）上，两者都限制为每秒 10 个。每个限流器都在内存里计数：窗口中途重启的限流器会忘掉刚放行过哪些请求，下一波突发就能拿到完整的配额（故障搜索 hunt 正是靠让它崩溃来突破上限的）。',
    watchFor: '日志法为每个放行的请求记一笔，拒绝突发流量的后一半；计数器法则按比例计入刚滑出窗口的那个分片。',
    tryThis: [
      '把计数器设为 1 个分片并开启加权：就是经典的 prev × (1 − progress) + current 估算。',
      '设为 2 个分片并关闭加权：一波突发最多能放过 limit × 1.5 个请求。',
    ],
  },
  'rate-limit-leaky-bucket': {
    title: '漏桶：计量器与队列',
    description: '每秒 20 个、持续半秒的突发流量分别打到两个漏桶上：一个当计量器用（溢出的请求直接拒绝），一个当队列用（按 5/s 匀速放行，最多等待 1 s）。',
    watchFor: '计量器的水位随每波突发上涨，并以 5/s 的速度漏出；队列把请求暂存起来，每隔 200 ms 放行一个。',
    tryThis: [
      '把队列的 maxQueueMs 调到 3000：不再有请求被拒绝，但请求最多要等 3 s。',
      '让突发持续更久（onMs 1500）。',
    ],
  },
  'rate-limit-token-bucket': {
    title: '令牌桶：允许不超过容量的突发',
    description: '令牌桶容量为 10 个令牌，每秒补充 5 个。两个用户各自发送突发请求，每人有自己的一个桶。',
    watchFor: '每个用户的桶在突发期间被取空，空了就拒绝请求，在两波突发之间再慢慢填满。',
    tryThis: [
      '关闭 perKey：两个用户共用一个桶，互相挤占配额。',
      '把容量降到 2：突发被截短，平均速率仍为 5/s。',
    ],
  },
  'rate-limit-guava': {
    title: 'Guava RateLimiter：突发模式与预热模式',
    description: '同样的突发流量分别交给 RateLimiter.create(5)（SmoothBursty）、create(5, 2 s)（SmoothWarmingUp，从冷状态启动）这两个用 acquire() 取许可的限流器，以及用 tryAcquire(0) 的 create(5)。',
    watchFor: 'acquire() 从不拒绝：调用方会等待，而且一次大额请求的代价由下一个调用方来偿还。预热模式下，最初几个许可的耗时最多可达稳定间隔的 3 倍。',
    tryThis: [
      '给 tryAcquire 设置 300 ms 超时：轮次落在超时以内的请求会等待，而不是失败。',
      '把 maxBurstSeconds 调到 3：空闲时能存下更多许可，一波突发可以立即通过。',
    ],
  },
  'rate-limit-gateway': {
    title: 'Spring Cloud Gateway：两个网关，Redis 里一个桶',
    description: '两个网关实例在同一个 Redis 上运行 RedisRateLimiter（replenishRate 5，burstCapacity 10），同一个用户调用这两个网关。Redis 在 4 s 时崩溃，6 s 时恢复。',
    watchFor: '两个网关消耗的是 Redis 里同一个桶（两边的 X-RateLimit-Remaining 一起递减）；Redis 宕机期间所有请求都放行，Remaining 为 -1：即 fail open（故障时放行）。',
    tryThis: [
      '在 1 s 时把网关 1 的时钟往回拨 3 s：桶的判定和之前一样。自 Spring Cloud Gateway 3.0.6 起，脚本读取的是 Redis 自己的时钟（TIME），网关的时钟根本不参与计算。',
      '在 2 s 时把 Redis 的时钟往前跳 5 s：脚本一次性算上 5 s 的补充量，最多 burstCapacity 个请求的突发随即通过。',
      '在其中一个网关上关闭 perKey：它的请求记在另一个 key 对应的桶上。',
    ],
  },
  'rate-limit-sentinel': {
    title: 'Sentinel 流控：直接拒绝、匀速排队、预热',
    description: '三条阈值均为 10 QPS 的 Sentinel 流控规则，面对同样从每秒 2 个逐步升到每秒 30 个的请求：默认（直接拒绝）、匀速排队（最多排队 500 ms）和预热（coldFactor 3，5 s）。',
    watchFor: '直接拒绝在两个 500 ms 的桶里统计通过数；匀速排队让请求间隔 100 ms 通过，需要等待超过 500 ms 的直接拒绝；预热从约 10 / 3 QPS 起步。',
    tryThis: [
      '把 sampleCount 设为 10：窗口以 100 ms 为步长滑动，边界处的突发随之变小。',
      '把 warmUpPeriodSec 延长到 20。',
    ],
  },
  'rate-limit-showdown': {
    title: '限流算法对决：同一份流量，六种算法',
    description: '每秒 6 个的平稳泊松流量，再加上每隔一秒在窗口边界处的一波突发，原样喂给六个约每秒 10 个的限流器。',
    watchFor: '看画布下方的图表：固定窗口放过了边界处的突发（违反速率上限），滑动窗口日志拒绝了它们，两种桶把它们削平。',
    tryThis: [
      '把突发客户端的 perSide 从 8 改为 15：图表中每个边界处的柱子都变高，被拒绝的也更多。',
      '让平稳客户端发得更快（ratePerSec 12）。',
    ],
  },
  'xa-2pc': {
    title: 'XA 两阶段提交：协调者崩溃，行锁悬而未决',
    description: '订单服务带着一个 XA 事务管理器，把钱从 bank-a 的 alice 转给 bank-b 的 bob：在两家银行上依次执行 XA START、UPDATE、XA END 和 XA PREPARE，把决定写进自己的日志，再执行 XA COMMIT。第二笔转账超出了 alice 的余额：bank-a 投反对票，两个分支都回滚。第三笔转账进行中，协调者在两家银行都 prepare 之后崩溃：它们的分支悬而未决（in doubt），一直锁着 alice 和 bob 的行，直到协调者在 8 s 时重启并把它们回滚（日志里没有决定：推定回滚，presumed abort）。银行等锁最多 10 s（innodb_lock_wait_timeout，从 50 s 按比例缩短）。',
    watchFor: '崩溃之后，两家银行的卡片上都显示一个悬而未决的 PREPARED 分支，以及一行被锁住的数据，旁边是它尚未提交的值。柜员在 bank-a 上自己发起的转账（alice 转给 carol）会一直等 alice 这一行的锁，直到恢复流程释放它；资金始终守恒。',
    tryThis: [
      '让协调者在 16 s 而不是 8 s 重启：柜员的 UPDATE 等满整个锁等待超时，以 ERROR 1205 失败，这笔转账回滚。',
      '关闭订单服务的两阶段提交：每家银行各自提交自己的分支，一个接一个。每笔转账耗时更长，崩溃（4.65 s）恰好落在 bank-a 已提交扣款、bank-b 还没收到入账之间：20 凭空消失，money-conserved 会报告这一点。',
    ],
  },
  'xa-heuristic': {
    title: 'XA 启发式结果：DBA 手工提交了悬而未决的分支，协调者却回滚了',
    description: '和 xa-2pc 一样的运行：三笔从 bank-a 的 alice 到 bank-b 的 bob 的转账，协调者在第三笔（tm-3）中、两家银行都 prepare 之后崩溃。这一次 bank-b 的 DBA 不愿再等：6 s 时执行 XA RECOVER，看到 tm-3 悬而未决、锁着 bob 的行，于是手工执行 XA COMMIT ’tm-3’。8 s 时协调者恢复，日志里没有决定，于是在还能回滚的地方把 tm-3 回滚（推定回滚）：也就是 bank-a。',
    watchFor: '看 bank-b 的卡片：悬而未决的分支在 6 s 时消失，bob 的余额变为 150，而 bank-a 上 alice 仍然是 70。恢复之后 bank-a 回滚：bob 多收了 20，却没有人付这笔钱。xa-atomic 报告转账 tm-3“bank-a 已回滚，bank-b 已提交：heuristic mixed”，money-conserved 发现多出了 20。',
    tryThis: [
      '让 DBA 改为回滚（dba 上的 decision 设为 rollback）：这与协调者的推定回滚一致，结果也就一致；启发式决策只有猜对了才安全。',
      '让协调者在 5 s、DBA 动手之前重启：恢复流程先把 tm-3 了结，DBA 找不到任何悬而未决的分支。',
    ],
  },
  'tcc': {
    title: 'TCC：Try 冻结，Confirm 扣减，Cancel 释放',
    description: '订单服务（一个类似 DTM 服务端的协调者）以 TCC 全局事务的方式把钱从 bank-a 的 alice 转给 bank-b 的 bob。order-1：Try 冻结 alice 余额中的 30 并检查 bob 的账户，随后 Confirm 扣掉冻结的 30 并给 bob 入账。order-2 付款给没有账户的 dave：他的 Try 失败，协调者于是执行 Cancel，alice 被冻结的 20 回到她的余额。order-3：服务 A（alice 的账户服务）恰好在 Confirm 之前崩溃；协调者在 1 s 后重试，再过 2 s 又重试一次（DTM 的重试间隔为 10 s、逐次翻倍，这里按比例缩短），第二次调用时服务已经恢复。',
    watchFor: 'bank-a 卡片上的冻结列在 Try 时增加，在 Confirm 或 Cancel 时减少。协调者的卡片列出每个分支的状态和重试次数。每次调用都会往屏障表（barrier）里写一行（gid/branch/op）。只要没有进行中的事务，资金就是守恒的。',
    tryThis: [
      '在 4.75 s、order-3 的 Try 阶段让协调者本身崩溃，并在 6 s 时重启：它读取自己的日志，中止 order-3（对每个已经 Try 过的分支执行 Cancel）。',
    ],
  },
  'tcc-empty-rollback': {
    title: 'TCC 空回滚：Cancel 释放了从未冻结的钱',
    description: 'order-1 的 Try 到来时，服务 A（alice 的账户服务）正好宕机（connection refused）：协调者无法知道 Try 是否执行过，于是发起 Cancel，并在 1 s、2 s 后再次调用 Cancel，直到服务恢复。该服务没有屏障：它的 Cancel 给 alice 的余额加回 30、把冻结金额减去 30，尽管她的 Try 根本没冻结过任何东西。',
    watchFor: '看 bank-a 的卡片：alice 最终余额 130、冻结 −30。all-or-nothing 指出这是一次空回滚。',
    tryThis: [
      '在服务 A 和 B 中开启屏障表：Cancel 先插入 Try 对应的那一行（order-1/01/try）；插入成功说明 Try 从未执行，于是 Cancel 什么也不做。alice 保住了她的 100。',
    ],
  },
  'tcc-hanging': {
    title: 'TCC 悬挂：Cancel 之后才到的 Try 把钱永远冻住',
    description: 'alice 的账户服务有两个实例：服务 A 和服务 A2。order-1 的 Try 到达服务 A 时，它到 bank-a 的链路恰好断开：它发出的语句停在 TCP 的重传队列里。1 s 后协调者放弃这次 Try，发起 Cancel；Cancel 被路由到服务 A2，它只释放已冻结的部分（手写的防空回滚判断）：什么也没冻结，于是它回复 OK，order-1 就此结束。链路恢复后，服务 A 的 Try 到达 bank-a，冻结了 30，而再也不会有 Confirm 或 Cancel 去处理它。',
    watchFor: '看 bank-a 的卡片：协调者卡片上 order-1 已经结束之后，alice 名下才出现冻结的 30，并且一直留在那里。all-or-nothing 指出这次悬挂的 Try。',
    tryThis: [
      '在所有服务中开启屏障表：Cancel 先插入 order-1/01/try，迟到的 Try 再插入同一行时发现它已经存在，于是什么也不做。',
    ],
  },
  'tcc-duplicate-confirm': {
    title: 'TCC 重复 Confirm：冻结的钱被扣了两次',
    description: 'order-1 的 Confirm 在 bank-a 上已经提交（alice 冻结的 30 被扣掉），但服务 A 在回复之前崩溃。协调者看到连接断开，再次调用 Confirm，服务恢复后这次调用又执行了一遍：没有屏障，它又扣掉了 30，而这 30 从未被冻结过。',
    watchFor: '看 bank-a 的卡片：alice 最终冻结金额为 −30。money-conserved 发现少了 30，all-or-nothing 指出这次重复的 Confirm。',
    tryThis: [
      '在服务 A 和 B 中开启屏障表（每次调用多一条语句，崩溃时间因此移到 0.77 s，同样恰好在 Confirm 提交之后）：第二次 Confirm 发现 order-1/01/confirm 这一行已经存在，于是什么也不做。',
    ],
  },
};
