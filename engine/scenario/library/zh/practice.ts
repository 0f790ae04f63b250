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
      '在其中一个网关上关闭 perKey：它的请求改为记在它自己那个键 的桶上。',
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
    watchFor: '看画布下方的图表：固定窗口放过了边界处的突发（违反速率上限），滑动窗口日志拒绝了它们，各种桶算法把它们削平。',
    tryThis: [
      '把突发客户端的 perSide 从 8 改为 15：图表中每个边界处的柱子都变高，被拒绝的也更多。',
      '让平稳客户端发得更快（ratePerSec 12）。',
    ],
  },
  'xa-2pc': {
    title: 'XA 两阶段提交：协调者崩溃，行锁悬而未决',
    description: '订单服务带着一个 XA 事务管理器，把钱从 bank-a 的 alice 转给 bank-b 的 bob：在两家银行上依次执行 XA START、UPDATE、XA END 和 XA PREPARE，把决定写进自己的日志，再执行 XA COMMIT。第二笔转账超出了 alice 的余额：bank-a 投反对票，两个分支都回滚。第三笔转账进行中，协调者在两家银行都 prepare 之后崩溃：它们的分支悬而未决（in doubt），一直锁着 alice 和 bob 的行，直到协调者在 8 s 时重启并把它们回滚（日志里没有决定：推定回滚，presumed abort）。银行等锁最多 10 s（innodb_lock_wait_timeout，从 50 s 按比例缩短）。',
    watchFor: '崩溃之后，两家银行的卡片上都显示一个悬而未决的 PREPARED 分支，以及一行被锁住的数据，旁边是它尚未提交的值。teller（柜员）在 bank-a 上自己发起的转账（alice 转给 carol）会一直等 alice 这一行的锁，直到恢复流程释放它；资金始终守恒。',
    tryThis: [
      '让协调者在 16 s 而不是 8 s 重启：teller 的 UPDATE 等满整个锁等待超时，以 ERROR 1205 失败，这笔转账回滚。',
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
  'saga': {
    title: 'Saga：每步立即提交，补偿逆序执行',
    description: '同一个订单服务这次跑的是 Saga：每一步都是一个立即提交的本地事务，不做冻结。order-1 分两步把 30 从 alice 转给 bob。order-2 是一笔分摊付款：alice 付 40，bob 入账 80，接着 carol 的 40 失败了（她只有 10）。协调者按逆序补偿：先是 carol 失败的那一步（无需撤销：屏障看出正向操作没有执行过），然后是 bob 的入账，最后是 alice 的扣款。轮到 bob 的补偿时服务 B 宕机了：1 s 后再调用一次，再过 2 s 又一次（DTM 的重试间隔，逐次翻倍，按比例缩短），第二次调用时服务已经恢复。',
    watchFor: '看协调者的卡片：order-2 的各步依次是完成、完成、失败，然后自下而上逐步补偿，bob 那一步带着它的重试记录。order-2 了结之后资金守恒。',
    tryThis: [
      '关闭服务 A 的屏障：补偿 carol 失败的那一步时，会给她加上她从未付出的 40（空补偿），all-or-nothing 会报告这一点。',
    ],
  },
  'saga-isolation': {
    title: '没有隔离性的 Saga：入账在补偿之前就被花掉了',
    description: 'order-1 是那笔分摊付款：alice 付 40，bob 入账 80，然后 carol 的 40 失败。Saga 不持有锁、也不冻结任何东西，所以 bob 立刻看到了自己的 180，他的店铺在 order-1 还没结束时就花掉了其中的 150。补偿需要从 bob 那里扣回 80，可他只剩 30：补偿失败，一次又一次重试，order-1 既无法完成，也无法撤销。',
    watchFor: '看 bank-b 的卡片：bob 的余额 100 → 180 → 30。看协调者的卡片：bob 的补偿不断重试，等待时间越来越长。all-or-nothing 报告 bob 花掉了 Saga 尚未了结的钱。',
    tryThis: [
      '先扣款：让 carol 的扣款排在 bob 的入账之前。她那一步在 bob 入账之前就失败了；只需补偿 alice 的 40，bob 的店铺看到的是 100，花不了 150，一切正常。',
    ],
  },
  'transactional-message': {
    title: '事务消息：半消息、本地提交、COMMIT，以及崩溃后的回查',
    description: 'pay-service 用 RocketMQ 事务消息通知 shipping 订单已支付：先发半消息（已存储，但 shipping 看不到），再执行本地事务，然后发 COMMIT（本地事务失败时发 ROLLBACK）。它在本地提交 order-2 之后、发出 COMMIT 之前崩溃。broker 的各项时间取 RocketMQ 默认值除以 25：transactionTimeOutMs 240（6 s），transactionCheckIntervalMs 1200（30 s）。',
    watchFor: 'order-1 一路走完：半消息、本地提交、COMMIT、已发货。order-2 的 COMMIT 始终没来：broker 的卡片上能看到它的半消息在等待；下一次回查扫描（2.4 s）时，它已超过 transactionTimeOutMs，broker 便向重启后的 pay-service 回查，其数据库显示已提交：于是 COMMIT，shipping 收到消息。order-3 的本地事务失败：ROLLBACK，shipping 永远看不到它。',
    tryThis: [
      '打开 transactional-message-unknown：同样的崩溃，但回查监听器不管查到什么都回答 UNKNOWN。',
      '把 shipping 的 dedupe 设为 false，并让 broker 在 3500 ms 崩溃、4000 ms 恢复：消费位点每 5 s 才落盘一次，重启后的 broker 会再次投递 order-1 和 order-2，shipping 把它们各发了两次货（no-double-effect）。',
      '去掉崩溃（故障 Faults 标签页）：每个订单都收到了 COMMIT，broker 从不回查。',
    ],
    guide: {
      half: 'pay-service 为 order-1 发送一条半消息。broker 把它存了下来，但 shipping 暂时还看不到。',
      local: '直到这时 pay-service 才执行本地事务：在它的数据库里把 order-1 标记为已支付。',
      commit: '它发送 COMMIT：broker 把消息移入 orders topic，shipping 这才能看到它。',
      shipped: 'shipping 消费 order-1 并确认。',
      crash: 'pay-service 在本地提交了 order-2，还没来得及发 COMMIT 就崩溃了。半消息停在 broker 上等待。',
      check: '半消息已超过 transactionTimeOut，broker 向重启后的 pay-service 回查：它的数据库显示 order-2 已支付。',
      repaired: '回查得到的 COMMIT 让 order-2 变为可见：shipping 最终还是收到了它。回查修复了这次崩溃。',
      rollback: 'order-3 的本地事务失败：ROLLBACK，半消息被丢弃。shipping 永远不会听说一笔没有支付的订单。',
    },
  },
  'transactional-message-unknown': {
    title: '事务消息：回查永远回答 UNKNOWN，最终消息被丢弃',
    description: '同样是在 order-2 本地提交之后崩溃，但 pay-service 的回查监听器不管数据库里是什么都回答 UNKNOWN（可能是 bug，也可能回查读的是一个落后的从库）。broker 每隔 transactionCheckIntervalMs（这里是 1.2 s，RocketMQ 中是 30 s）回查一次，最多 transactionCheckMax（15）次，然后放弃。',
    watchFor: '看 broker 卡片上 order-2 的半消息：回查 1/15、2/15 … 15/15，然后在约 20.4 s 时被丢弃，永远不会投递。没有任何人收到通知：pay-service 收了钱，shipping 却从没听说过这笔订单（message-delivered 失败）。',
    tryThis: [
      '把 pay-service 的 checkAnswer 改回 table：第二次回查就回答 COMMIT。',
      '把 transactionCheckMax 调到 30：运行结束时 order-2 仍在被回查；丢弃要到更晚（约 38 s）才发生。永远回答 UNKNOWN 终究还是会丢消息。',
    ],
  },
  'transactional-message-dlq': {
    title: '事务消息：消费者一直失败，消息进入死信队列',
    description: '每条消息都已提交，但 shipping 处理不了 order-1（可能是 bug，也可能是它看不懂的数据），每次都回答 RECONSUME_LATER。broker 按 RocketMQ 的延迟级别（3、4、5 …：10 s、30 s、1 min，这里乘以 delayScale 0.04）通过 %RETRY%shipping 重新投递，重试 maxReconsumeTimes 次（这里是 3，RocketMQ 中是 16）之后，把它送进 %DLQ%shipping。',
    watchFor: '看 broker 卡片上的 order-1：在 %RETRY%shipping 中并带着重试次数，分别在 400 ms、1.2 s、2.4 s 后再次投递，然后在约 5.6 s 时进入 %DLQ%shipping（message-delivered 失败：已支付，却从未发货）。与此同时，其他队列里的 order-2 和 order-3 正常发货。',
    tryThis: [
      '把 order-1 从 shipping 的 failOrders 中去掉：它会立即发货。',
      '把 maxReconsumeTimes 调到 16（RocketMQ 的默认值）：order-1 会按整个重试计划一直重试，直到延迟级别 18（2 h，这里是 288 s）；运行早在进入死信队列之前就结束了。',
    ],
  },
  'local-message-table': {
    title: '本地消息表：outbox 行与订单一起提交，由中继发布，inbox 吸收重复消息',
    description: '订单服务在 order-db 上用同一个本地事务写入每个订单及其 outbox 行（状态为 new）。中继每 500 ms 轮询一次 outbox，把每个 new 行发布到 broker，并且只有在 broker 收到之后才把该行标记为 sent。shipping 为每个订单在 ship-db 上的一个本地事务中从库存扣一个 widget，这个事务先把消息的 outbox id 写入它的 inbox 表。中继在发布 ob-2 之后、把它标记为 sent 之前崩溃。',
    watchFor: '看 order-db 的卡片：订单和 outbox 行同时出现；ob-1 变为 sent。ob-2 在中继崩溃期间一直是 new，于是重启后的中继再次发布它：broker 里存了两条 order-2。shipping 第二次处理时插入 ob-2 的 inbox 行失败（ERROR 1062），回滚并确认消息：ship-db 显示 widget 库存 7、已发货 3，三个订单对应三条 inbox 行。',
    tryThis: [
      '打开 local-message-table-no-inbox：同样的崩溃，没有 inbox 表的 shipping 把 order-2 发了两次货（no-double-effect）。',
      '去掉崩溃（故障 Faults 标签页）：每一行只发布一次并被标记为 sent，没有任何重复。',
      '改为让 broker 在 2000 ms 崩溃、2600 ms 恢复：一次发布没收到 SEND_OK，中继便再次发布 ob-2；重启后的 broker 又投递了一次 order-1（消费位点每 5 s 才落盘一次）；shipping 的 inbox 吸收了所有重复。',
    ],
  },
  'local-message-table-no-inbox': {
    title: '没有 inbox 的本地消息表：重新发布的消息让订单发了两次货',
    description: '同样的订单服务、outbox 和中继，中继同样在发布 ob-2 之后、标记为 sent 之前崩溃。shipping 没有 inbox 表：收到一条消息就从库存扣一个 widget。中继本来就是按至少一次（at least once）设计的，所以消费者必须做到幂等。',
    watchFor: '中继重启后再次发布 ob-2，shipping 第二次为 order-2 发货：ship-db 的 widget 行显示三个订单却是库存 6、已发货 4，no-double-effect 报告“shipping 把 order-2 发了两次货”。',
    tryThis: [
      '重新开启 shipping 的 dedupe：第二条 order-2 撞上它的 inbox 行，被吸收掉。',
      '去掉崩溃（故障 Faults 标签页）：没有重复消息，也就没有什么需要吸收，缺少 inbox 这件事不会被察觉。',
    ],
  },
  'saga-choreography': {
    title: '协同式 Saga：事件驱动各步前进，也驱动补偿回退',
    description: '没有协调者：订单服务提交订单并发布 order-created；payment 扣 alice 的钱并发布 payment-debited；inventory 预留 widget 并发布 stock-reserved，订单随即确认。order-2 要 4 个 widget，但只剩 3 个：inventory 发布 stock-failed，payment 给 alice 退款（payment-refunded），订单服务取消 order-2。每一步都是一个本地事务，同时把事件记入本服务的 inbox 表。payment 在提交退款之后立即崩溃。',
    watchFor: 'pay-db 中 alice 的余额：100 → 70 → 30，然后回到 70；stock-db 中 widget 5 → 3 并保持不变；order-db：order-1 已确认，order-2 已取消。payment 重启后 broker 再次投递 stock-failed：inbox 里已有这条记录，所以不会第二次退款，payment 根据 inbox 的记录再次发布 payment-refunded。',
    tryThis: [
      '关闭 payment 服务的 dedupe，并让它在 4290 ms 崩溃（少了 inbox 插入，它处理得更快），同样恰好在退款提交之后：重新投递的 stock-failed 让 alice 又被退了一次款（110），saga-all-or-nothing 报告她拿回了 40，而这 40 从未被扣过。',
      '去掉崩溃（故障 Faults 标签页）：每个事件只处理一次；补偿也只执行一次，从失败的那一步往回走。',
    ],
  },
  'best-effort-notification': {
    title: '最大努力通知：商户在整个重试周期内都宕机',
    description: 'alipay 为三笔订单收款，并逐一调用商户的异步通知地址（notify URL），按支付宝的间隔重试（4 min、10 min、10 min、1 h、2 h、6 h、15 h；scheduleScale 0.0001 把它压缩到约 9 s），共 8 次，然后放弃。商户对通知做了去重，但它从 1 s 到 15 s 一直宕机，而且会把 orderTimeoutMs（12 s）内没收到通知的订单当作未支付关闭。',
    watchFor: 'order-1 在崩溃之前收到了通知。order-2 和 order-3 的每次调用都被拒绝（alipay 的卡片上记着次数）；第 8 次之后 alipay 放弃。商户在 15 s 时恢复，什么也没收到，便把两笔订单都当作未支付关闭：顾客付了钱，商户却取消了订单（paid-order-known 失败）。',
    tryThis: [
      '打开 best-effort-notification-query：同样的宕机，但商户会向 alipay 查询它没收到通知的订单。',
      '改为让商户在 5 s 时恢复：后面的某次重试能送达，什么也不会丢。',
      '把商户的 processMs 设为 400、dedupe 设为 false：alipay 对 order-1 的调用在 300 ms 后超时，于是再次调用，商户给 order-1 入账了两次（no-double-effect）。',
    ],
    guide: {
      paid: 'order-1 在 alipay 完成支付，alipay 调用商户的 notify URL。',
      credited: '商户为 order-1 入账并回复“success”：通知完成。',
      down: '商户宕机，持续 14 s。',
      retry: 'order-2 已支付；调用被拒绝。alipay 会按重试计划（按比例缩短）的下一档间隔再试。',
      giveup: '约 9 s 内（现实中是 25 h）试了八次，全部失败：alipay 放弃。最大努力到此为止。',
      closed: '商户恢复后，order-2 超时仍未收到任何通知，于是把它当作未支付关闭。顾客白付了钱。',
    },
  },
  'best-effort-notification-query': {
    title: '带主动查询的最大努力通知：商户主动去问，得知已支付',
    description: '同样的宕机、同样的重试计划，但商户有一个兜底机制（queryBack）：启动时以及关闭订单之前，它都会为每一笔没收到通知的订单调用 alipay 的查询接口。对于已超时的订单，它还会同时调用关单接口（alipay.trade.close）：如果交易未支付，alipay 就把它关闭，这样商户放弃订单之后就不会再有付款进来（单纯查询会与迟到的付款产生竞态）。',
    watchFor: 'alipay 和之前一样放弃了 order-2 和 order-3。商户在 15 s 恢复时查询这两笔订单，得知都已支付，于是入账（recv.credits = 3）：通知只是尽力而为，让它变得可靠的是主动查询。',
    tryThis: [
      '关闭商户的 queryBack：订单会被当作未支付关闭（或者直接打开 best-effort-notification）。',
      '让商户在 5 s 时恢复：商户还没需要去查询，通知就已经送达了。',
    ],
  },
  'tx-showdown': {
    title: '对决：同样的转账，分别用 2PC、TCC、Saga 和事务消息',
    description: '四条泳道，各用一种模式，把 10 从 alice 转给 bob，共 6 次，逐笔进行、间隔 300 ms，链路延迟都是 20 ms。1 s 时每条泳道的 bank-b 都崩溃，2 s 时恢复。每个服务都承诺一笔转账在 3 s 内了结（settleWithinMs）：面对这次崩溃，每条泳道都守住了承诺，但没有哪种模式能在任何故障下都守住它：协调者暂停得更久，或链路断开得更久，承诺就会被打破，故障搜索（hunt）在第一轮就能找到一例。',
    watchFor: '指标面板把四种模式实时并排对比。各自如何应对这次崩溃：2PC 回滚 bank-b 无法投票的转账，TCC 取消 Try 失败的那一笔（撤销，保持一致），而 Saga 不断重试入账直到 bank-b 恢复，消息则在稍后再次投递（完成，最终一致）。冻结资金：只有 TCC 会冻结，从 Try 到 Confirm。账目对不上的时长，也就是任何人都可能读到的中间状态：2PC 为零，因为它的各分支一起提交；Saga 和事务消息最长，因为它们的扣款先提交。每笔转账的消息数和吞吐量：TCC 每个分支、每个阶段都要一次往返，而且分支是一个接一个执行的。',
    tryThis: [
      '改为让协调者崩溃（2PC 的 tm、TCC 的 tc、Saga 的 tc 和 Msg 的 pay 在 0.95 s 崩溃，2 s 恢复）。2PC 的 tm-2 已在两家银行都 prepare，但日志里没有决定：它的行一直被锁着、悬而未决，直到重启的协调者把它回滚（行锁持有时间从 1.4 s 变为 3.6 s）。TCC 根据日志继续执行 order-1 的 Confirm。事务消息中 order-2 的半消息经回查被回滚（tx_log 中没有记录），重启后的服务重新为 order-2 付款。',
      '去掉崩溃（故障 Faults 标签页）：看看一切正常时每种模式的开销。',
      '让 bank-b 宕机 4 s（1 s 崩溃，5 s 恢复）：2PC 放弃每一笔无法 prepare 的转账，保持一致；TCC 的 Cancel、Saga 的入账和事务消息都在等 bank-b，重试间隔越来越长，transfer-settles 标出每一笔错过 3 s 期限的转账以及它所处的状态。',
    ],
  },
};
