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
};
