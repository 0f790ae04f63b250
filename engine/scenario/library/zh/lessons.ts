import type { ScenarioText } from '../text';

/** Simplified Chinese text of built-ins (see ./index.ts for which). */
export const lessons: Readonly<Record<string, ScenarioText>> = {
  'redis-basics': {
    title: '带 TTL 的 Redis SET / GET',
    description: '客户端写入一个 TTL 为 2.5 s 的键，读回它，再在它过期后读一次。',
    watchFor: '键出现在 Redis 节点上，TTL 进度条逐渐耗尽；最后一次 GET 返回 (nil)。',
    tryThis: [
      '在第二次 GET 之前把 Redis 的时钟调快 1500 ms：键提前过期。',
      '给链路加上 400 ms 延迟，看每条命令都变慢。',
    ],
  },
  'redis-failover': {
    title: 'Redis 故障转移丢失未复制的写入',
    description: '客户端写入一个异步复制的 Redis 主节点，复制落后 800 ms。主节点崩溃，副本在缺少最后几次写入的情况下把自己提升为主节点。',
    watchFor: '每次写入都得到了 OK，但提升之后，新主节点上没有旧主节点宕机时还在等待复制的那些写入。',
    tryThis: [
      '在检查器中把主节点的 replicationLagMs 设为 0：副本保留了每一次已确认的写入。',
      '让主节点早一点或晚一点崩溃，数一数有多少已确认的写入留了下来。',
    ],
  },
  'zk-basics': {
    title: 'ZooKeeper：临时节点与 watch',
    description: '单机模式（一台 ZooKeeper 服务器）。worker 注册一个临时 znode，observer 对其子节点设置 watch。worker 崩溃后，它的 znode 在会话过期时消失（这里是 4 s，按比例缩短：Curator 的默认值是 60 s）。',
    watchFor: 'observer 要等到会话超时之后才收到通知（NodeChildrenChanged），而不是在崩溃的那一刻：在此之前 ZooKeeper 仍然认为 worker 活着。',
    tryThis: [
      '在 3 s 时让 worker 崩溃，计时它的 znode 还能存活多久（会话超时，向上取整到一个 tick）。',
      '不让 worker 崩溃，而是切断它的链路：会话同样会过期，但 worker 自己还不知道。',
      '在 1 s 时把 ZooKeeper 暂停 5 s：冻结期间没有任何会话过期，但恢复后它发现 worker 的 4 s 会话已过截止时间，立即让它过期，和真实的 ZooKeeper 3.8 被 SIGSTOP 暂停时一样；observer 的 10 s 会话则保留下来。改为暂停 3 s：没有会话丢失。',
    ],
    guide: {
      session: 'worker 打开一个超时为 4 s 的 ZooKeeper 会话：靠 ping 保持存活。',
      ephemeral: 'worker 在 /workers 下注册一个临时 znode 代表自己：它与会话同生共死。',
      watch: 'observer 列出 /workers 并留下一个子节点 watch：列表变化时 ZooKeeper 会通知它一次。',
      crash: 'worker 崩溃了。ZooKeeper 分不清是崩溃还是网络慢，所以它的 znode 还在。',
      expired: '在会话超时时间内没有收到 ping：ZooKeeper 让会话过期，并删除临时 znode。',
      notified: '直到现在 observer 才收到通知（NodeChildrenChanged），距离崩溃已经过去好几秒。',
    },
  },
  'redis-lock-polling': {
    title: 'Redis 锁：等待者轮询，崩溃的持有者一直阻塞到 TTL',
    description: '三个客户端共用一把 SET NX PX 锁（TTL 4 s），锁被占用时每 250 ms 轮询一次。一个持有者在工作中途崩溃：在它的键过期之前，谁也拿不到锁。',
    watchFor: '锁被持有期间一连串 SET NX … 返回 (nil)：每一次都是花在等待上的请求（redis-lock.wait.requests）。崩溃之后，锁在 TTL 的大部分时间里闲置（redis-lock.unusable.ms），直到某次轮询终于拿到它。',
    tryThis: [
      '把 ttlMs 降到 1500：崩溃的持有者阻塞别人的时间变短了，但现在慢的持有者有可能活过自己的租约。',
      '把 retryMs 设为 50：等待者对释放的反应更快，但发出的请求大约是原来的五倍。',
      '与 zk-lock 对比：同样的崩溃在那里的代价是一次会话超时，而且等待者根本不轮询。',
    ],
    guide: {
      granted: 'c1 的 SET NX PX 成功：它持有锁，最长不超过 4 s 的租约。',
      polls: 'c2 被拒绝（nil），250 ms 后会再问一次：每次重试都是花在等待上的请求。',
      handoff: 'c1 释放了锁；下一个轮询的等待者拿到它，最多要晚 250 ms。',
      crash: 'c2 崩溃了。如果它持有锁，就没人删除它的键：其他人只能等 TTL。',
      expired: '直到键的 TTL 耗尽，redis 才删除它：这段时间锁一直闲置。',
      next: '下一次轮询拿到了锁，队列重新动了起来。',
    },
  },
  'redis-lock-watchdog': {
    title: 'Redisson 锁：看门狗续期，等待者监听',
    description: '三个客户端使用 Redisson 的 RLock，租约 3 s（lockWatchdogTimeout 从 30 s 按比例缩短），每个工作 4 s。看门狗每秒续期一次租约；等待者订阅解锁频道，而不是轮询。',
    watchFor: '客户端工作超过租约期间，每秒一次 EVAL <rrenew.lua>（redisson-lock.renewals），没有违规。等待者发送一次 rlock、SUBSCRIBE、再一次 rlock，然后就等着：每次解锁的 PUBLISH 都会唤醒它们（lock.wake），交接只需几十 ms，几乎没有请求花在等待上。',
    tryThis: [
      '给 c1 设置 leaseMs 为 2000：没有看门狗，租约在 2 s 时到期，一个等待者闯进了 c1 的临界区。',
      '在 1 s 时把 c1 暂停 4 s：看门狗也随之冻结，租约过期，一个等待者进入。',
      '在 1 s 时让 c1 崩溃：看门狗随它一起死掉，所以锁在一个租约（3 s）之内自行释放。',
    ],
  },
  'redis-lock-unsafe-del': {
    title: 'Redis 锁：直接 DEL 释放了别人的锁',
    description: '客户端直接用 DEL 解锁。c1 按时完成了工作，但它的 DEL 在拥塞的链路上慢慢爬行，到达 Redis 时 c1 的 1 s 租约已经过期、c2 已经拿到了锁：它删掉了 c2 的锁，c3 趁机进入。',
    watchFor: 'c1 的 DEL 大约在 1.3 s 到达，返回 (integer) 1：c1 以为释放的是自己的锁，但这个键里存的是 c2 的令牌。c2 还在工作时，c3 的下一次轮询成功了：监视器标记出 c3 闯入 c2 的临界区，并指出原因是 c1 的 DEL。',
    tryThis: [
      '把 c1 的 unsafeDel 设为 false：先比较再删除的脚本看到 c2 的令牌，返回 0，不动 c2 的锁。没有违规。',
      '去掉延迟干预：c1 的 DEL 按时到达，直接 DEL 也不会造成伤害——只有解锁来迟了，这个 bug 才会发作。',
    ],
  },
  'redis-lock-expiry': {
    title: 'Redis 锁：工作时间超过了 TTL',
    description: 'c1 用 1.5 s 的 TTL 拿到一把 SET NX PX 锁，但工作了 2.5 s，且不做任何续期。键在工作中途过期，c2 拿到锁，两者同时处于临界区。',
    watchFor: '大约 1.6 s 时，锁的键在 Redis 上过期，而 c1 还在工作；c2 的下一次轮询拿到锁并开始写存储：互斥监视器标记出两个写者。随后 c1 解锁时发现键里是别人的令牌，于是不动它。',
    tryThis: [
      '打开 c1 的看门狗（每 TTL/3 续期一次）：只要 c1 活着，键就不会过期，c2 只能等待。',
      '把两个客户端的 ttlMs 都调到 4000：租约覆盖了工作时间，没有违规——直到工作变得更慢。',
      '改为在 500 ms 时让 c1 崩溃：c2 要等满整个 TTL 才能拿到锁。',
    ],
  },
  'zk-lock': {
    title: 'ZooKeeper 锁：一队 watcher，以及会自己清理现场的崩溃',
    description: '单机模式（一台 ZooKeeper 服务器）。四个客户端运行 Curator 的 InterProcessMutex：每个客户端创建一个临时顺序节点，只 watch 排在它前面的那一个。第一个持有者在工作中途崩溃；它的 znode 在会话过期时消失（这里是 4 s，从 Curator 默认的 60 s 按比例缩短），排在下一位的客户端接手。',
    watchFor: '没有轮询：每个等待者发送一次带 watch 的 getData，之后什么都不发（zk-lock.wait.requests）。崩溃持有者的会话过期时（大约 4–6 s：会话超时，向上取整到一个 tick），ZooKeeper 删除它的 znode，恰好唤醒一个 watcher；之后的每次释放也都恰好唤醒一个（zk-lock.wakeups.per.handoff = 1）。',
    tryThis: [
      '在每个客户端上把 herd 设为 true（或者打开 zk-lock-herd）：每次变化都会唤醒所有等待者。',
      '在 700 ms 时切断 c1 到 ZooKeeper 的链路而不是让它崩溃，并把 c1 的 holdMs 设为 8000：它的会话在服务器上过期了，而断了线的 c1 还在工作——c2 闯了进来（CURATOR-206 的陷阱）。',
      '先把 ZooKeeper 的 tickTime 设为 1000，再把 sessionTimeoutMs 降到 2000：崩溃的持有者被发现的速度快了一倍，代价是更多的 ping。',
    ],
    guide: {
      granted: 'c1 的顺序节点在队列中序号最小：它持有锁。',
      queue: 'c2 创建自己的 znode，只 watch 排在它前面的那一个；然后就什么都不发了。',
      crash: 'c1 在持有锁时崩溃。在 ZooKeeper 放弃它的会话之前，它的 znode 一直都在。',
      expired: '会话超时：ZooKeeper 删除 c1 的临时 znode，恰好触发一个 watch。',
      woken: '只有排在下一位的 c2 被唤醒（NodeDeleted）；其他人继续睡。',
      handoff: 'c2 检查队列，拿到锁。',
      next: 'c2 释放锁：同样恰好只有一个等待者 c3 被唤醒。',
    },
  },
  'zk-lock-herd': {
    title: 'ZooKeeper 锁：羊群效应',
    description: '单机模式（一台 ZooKeeper 服务器）。六个客户端使用朴素的做法：每个等待者都 watch 锁的父节点（带 watch 的 getChildren）。每次释放——以及每个新来者——都会唤醒所有等待者，它们全都重新列出子节点，结果发现只有一个能进。会话时长 4 s（从 Curator 默认的 60 s 按比例缩短）。',
    watchFor: '每次释放时都会爆发一阵 NodeChildrenChanged 通知和 getChildren 请求：zk-lock.wakeups.per.handoff 是每次交接唤醒好几个，而不是 1 个，zk-lock.wait.requests 随队列长度的平方增长。',
    tryThis: [
      '在每个客户端上把 herd 设为 false（Curator 的做法，同 zk-lock 场景）：每次释放只唤醒排在下一位的那个。',
      '增加更多客户端：每次交接的通知数随等待者数量增长。',
      '在每个客户端上把 sortChildren 设为 false：getChildren 按服务器的哈希顺序列出队列（这里是最大的排在前面，和真实的 ZooKeeper 一样），于是某个等待者以为自己排第一，闯进了持有者的临界区。',
    ],
  },
  'gc-pause-fencing': {
    title: 'GC 停顿：被暂停的持有者在租约到期后写入',
    description: 'c1 持有 2 s 的 Redis 租约（栅栏令牌 1）时，一次 3 s 的 stop-the-world 停顿把它冻结了。租约过期，c2 拿到锁（令牌 2）并开始工作；c1 醒来，仍然确信自己持有锁，于是写入。存储不检查任何令牌，两次写入都照单全收。',
    watchFor: '大约 2.2 s 时，c1 的临界区还没结束，c2 就进入了（mutual-exclusion：c1 的租约在它冻结期间过期了）。3.3 s 时 c1 恢复，它带令牌 1 的写入落在 c2 的令牌 2 之后（fencing-order）。任何带租约的锁都防不住这种情况；只有资源本身能防住。',
    tryThis: [
      '打开 gc-pause-fencing-safe，或把存储的 fencing 设为 true：c2 的令牌 2 把 c1 挡在外面，c1 迟到的写入被拒绝。',
      '打开 c1 的看门狗：没有用——看门狗和 c1 的其余部分一起被暂停了。',
      '把停顿缩短到 1500 ms：租约比停顿更长，什么问题都没有。',
    ],
    guide: {
      granted: 'c1 在 redis 上拿到锁：栅栏令牌 1，租约 2 s。',
      enter: 'c1 带着令牌 1 开始在存储上工作（进入临界区）。',
      pause: '一次 3 s 的 stop-the-world GC 停顿把工作中的 c1 冻结了。它在 redis 上的租约仍在倒计时。',
      waits: 'c2 请求锁，被告知锁已被占用；它会每 200 ms 再轮询一次。',
      expired: '租约在 redis 上到期，键被删除，而被冻结的 c1 仍然以为自己持有锁。',
      second: 'c2 的下一次轮询拿到了锁，令牌为 2。',
      two: 'c1 的临界区还没结束，c2 就进入了：同时有两个持有者（mutual-exclusion 被破坏）。',
      resume: 'c1 醒来，不知道已经过去了 3 s，像仍然持有锁一样完成它的工作。',
      stale: 'c1 带令牌 1 的写入落在令牌 2 之后，存储照样接受：它不检查任何令牌（fencing-order 被破坏）。',
    },
  },
  'gc-pause-fencing-safe': {
    title: 'GC 停顿，加上栅栏：存储拒绝过期的令牌',
    description: '与 gc-pause-fencing 相同的停顿，但存储会检查栅栏令牌：一旦见过 c2 的令牌 2，就拒绝任何更旧的令牌，于是 c1 带令牌 1 的迟到写入被挡了回去。令牌来自 redis 上的 INCR，这里的 redis 把每条命令都写入磁盘（appendonly）：令牌绝不能发放两次，即使重启之后也不行。',
    watchFor: 'c2 带令牌 2 进入时出现 storage.fence（c1 尚未结束的临界区再也无法写入），然后大约 3.3 s 时 c1 带令牌 1 的写入触发 storage.reject。两个监视器都保持绿色：锁失效了，资源没有。',
    tryThis: [
      '关掉存储的 fencing：又回到两个写者、过期写入被接受的局面。',
      '让停顿比 c2 的整个临界区还长：c1 的写入依然带着令牌 1，依然被拒绝。',
      '关掉 redis 的 appendonly，并在 c1 持有锁时让 redis 崩溃 50 ms：重启后的 redis 忘了这把锁和计数器，c2 再次拿到令牌 1，栅栏让它和 c1 一起进入（Hunt 故障搜索找到的正是这个问题）。',
    ],
    guide: {
      granted: 'c1 在 redis 上拿到锁：栅栏令牌 1，租约 2 s。',
      enter: 'c1 带着令牌 1 开始在存储上工作（进入临界区）。',
      pause: '一次 3 s 的 stop-the-world GC 停顿把工作中的 c1 冻结了。它在 redis 上的租约仍在倒计时。',
      waits: 'c2 请求锁，被告知锁已被占用；它会每 200 ms 再轮询一次。',
      expired: '租约在 redis 上到期，键被删除，而被冻结的 c1 仍然以为自己持有锁。',
      second: 'c2 的下一次轮询拿到了锁，令牌为 2。',
      fence: '存储看到令牌 2，把 c1 尚未结束的临界区挡在外面：从现在起，比 2 旧的令牌一律进不来。',
      resume: 'c1 醒来，不知道已经过去了 3 s，发出带令牌 1 的写入。',
      refused: '存储拒绝了 c1 的令牌 1。锁失效了；资源没有。',
    },
  },
  'redis-failover-lock-loss': {
    title: 'Redis 故障转移：被提升的副本再次授予了锁',
    description: 'c1 在 Redis 主节点上拿到锁，主节点的复制落后 1 s。锁还没复制到副本，主节点就宕机了；副本把自己提升为主节点，而跟随故障转移的 c2 在 c1 仍在工作时拿到了同一把锁。',
    watchFor: 'c2 发往已宕机主节点的请求超时，它转向副本（在副本大约 1.2 s 提升自己之前返回 READONLY）。提升刚一完成，SET NX 就成功了：新主节点从未见过 c1 的键。监视器标记出 c2 在 c1 的临界区期间进入，并指出原因是这次提升。',
    tryThis: [
      '把主节点的 replicationLagMs 设为 0：锁在崩溃前就复制到了副本，c2 老老实实地等 c1。',
      '在 c1 的 SET 已被复制之后（大约 1.05 s 起）再让主节点崩溃：被提升的副本持有 c1 的锁，c2 只能等待。',
      '这正是 Redlock 想用多数个独立主节点来应对的情况；只有一个副本时，只有在资源端做栅栏才能发现它。',
    ],
  },
  'redis-sentinel-failover-lock-loss': {
    title: 'Redis Sentinel 故障转移：新主节点再次授予了锁',
    description: '三个 Sentinel（quorum 2，down-after 1 s）监视一个主节点，它的两个副本落后 1 s。c1 拿到锁；主节点还没来得及复制就宕机了；Sentinel 一致认定它已下线，选出领头者并提升一个副本；c2 向它们询问主节点，在 c1 仍在工作时拿到了同一把锁。',
    watchFor: 'sentinel 卡片先变为 sdown，再变为 odown；其中一个赢得 epoch 1 并提升一个副本（“mymaster → replica…”）。c2 向已宕机主节点的轮询失败，它再次询问 s1，得到新的主节点，在那里 SET NX 成功了：监视器标记出两个持有者。自动故障转移让异步复制丢失的写入暴露出来：加锁也是一次写入。',
    tryThis: [
      '把主节点的 replicationLagMs 设为 0：锁在崩溃前就复制到了副本，被提升的那个持有 c1 的锁，c2 只能等待。',
      '不让主节点崩溃：从 0.9 s 到 6 s 把它与 Sentinel 和副本隔开，但不与客户端隔开，并让 c2 在 5 s 时启动。Sentinel 提升了一个副本，而旧主节点仍在为 c1 服务：出现两个主节点，c2 从新的那个拿到锁。链路恢复后，一个 Sentinel 把旧主节点变成副本（在它自称主节点满 8 s 之后），清空了它的键。',
      '在主节点之前先让 s2 和 s3 崩溃：只有 s1 认为它下线了，既达不到 quorum 也达不到多数，所以没人做故障转移，c2 只能等待。对于锁丢失本身，解决办法是 Redlock（多数个独立主节点）或存储端的栅栏令牌。',
    ],
  },
  'redlock': {
    title: 'Redlock：五个主节点中的多数，其中一个已崩溃',
    description: '三个客户端在同一时刻想要同一把锁，用 node-redlock 的算法向五个独立的 Redis 主节点申请：同时在五个节点上执行 SET NX PX，拿到 5 个中的 3 个且有效期为正（TTL − 耗时 − 漂移）就算加锁成功，否则在所有节点上解锁，随机等待 100–300 ms 后重试。m2 在 300 ms 时崩溃且一直没恢复：持有者仍有多数，其他人没有它也仍能凑够多数。（在 TTL 耗尽之前以空数据重新回来的主节点是另一回事，Hunt 故障搜索在几百次运行内就能找到它：见 redlock-restart-without-persistence。）',
    watchFor: '一开始三个客户端瓜分了选票（每张卡片勾出授予它的主节点）；没拿到多数的一方在五个节点上全部解锁，随机等待后重试。持有者的卡片列出它的主节点，有效期逐渐耗尽（2000 − 耗时 − 22 ms 漂移）。m2 宕机后它的票算作反对（连接被拒绝），但之后每个客户端仍能拿到 5 个中的 3 或 4 个，互斥监视器保持绿色。',
    tryThis: [
      '再让第二个主节点崩溃（m4，从它的故障菜单里操作）：剩下三个，三个都必须授予，它们也确实授予了；锁仍然不会同时被两个客户端持有。',
      '一开始就让三个主节点宕机（m2、m4、m5）：两个凑不成五个中的多数，所以每次尝试都以“未获多数”告终，客户端解锁、重试、放弃——Redlock 宁可不授予，也不重复授予。',
      '给 c2 1950 ms 的工作量：超过它能拿到的任何有效期（2000 − 耗时 − 22 ms 漂移），所以它放弃每一次拿到的多数，重试，在 11 次尝试之后放弃。',
    ],
  },
  'redlock-restart-without-persistence': {
    title: 'Redlock：一个主节点重启后丢了锁',
    description: 'c1 连不上 m4 和 m5，只能靠刚好过半的 m1、m2、m3 加锁。m3 在 300 ms 时崩溃，100 ms 后以空的键空间重启（没有持久化，这是 Redis 的默认设置）。c2 在 600 ms 时申请：m1 和 m2 拒绝，但 m3、m4、m5 同意——c1 还在工作时出现了第二个多数。这正是 Redis 文档在 “Performance, crash recovery and fsync” 一节中描述的情况。',
    watchFor: 'c1 发往 m4 和 m5 的请求超时后，它的卡片显示 5 个中的 m1 m2 m3。m3 的卡片在崩溃时丢了键。大约 0.65 s 时，c2 的卡片勾上 m3、m4、m5，互斥监视器标记出 c2 在 c1 的临界区期间进入，并指出原因是 m3 的崩溃。',
    tryThis: [
      '在每个主节点上打开 appendonly（appendfsync always）：m3 重新载入 c1 的键，c2 只拿到 m4 和 m5，解锁并重试，直到 c1 释放锁。',
      '再试试在 m3 上用 appendfsync everysec（appendonly 打开时 Redis 的默认值）：c1 的 SET 与 m3 打开文件在同一秒内，所以崩溃时 fsync 还没执行——m3 回来时没有这个键，c2 又赢了。',
      'antirez 的“延迟重启”：让 m3 宕机的时间超过 3 s 的 TTL（在 3400 ms 时重启）。没有 m3，c2 在 c1 解锁之前只能拿到 m4 和 m5；不需要持久化，代价是 m3 的可用性。',
    ],
  },
  'redlock-gc-pause': {
    title: 'Redlock：GC 停顿比有效期更长',
    description: 'c1 在全部五个主节点上持有锁，有效期约 1.95 s，工作量 1 s：它检查过工作能在有效期内完成。300 ms 时一次 3 s 的 stop-the-world 停顿把工作中的它冻结了。键在每个主节点上都过期了，c2 大约在 2.05 s 拿到多数并开始工作；c1 在 3.3 s 醒来并写入，看不到任何令牌的存储照单全收。这就是 Kleppmann 反对 Redlock 的论据。',
    watchFor: 'c1 冻结期间，它的有效期进度条耗尽，变为“已过期”。c2 的尝试在五个节点上都被拒绝，直到键过期（大约 2.05 s），然后它持有全部五个。互斥监视器标记出 c2 在 c1 的临界区期间进入。3.3 s 时 c1 的写入照样落地：c1 在写入前做的任何检查，都无法消除检查与写入之间的间隙。',
    tryThis: [
      '打开存储的 fencing：什么都没变。Redlock 不发放栅栏令牌——它的值是随机的，不是递增的数字——所以存储没有东西可比较，接受了 c1 的写入。栅栏需要的是提供单调令牌的锁服务（ZooKeeper 的 zxid、单个 Redis 上的 INCR）。',
      '把停顿缩短到 800 ms：c1 在有效期内完成工作，c2 按顺序等待。',
      '对比 gc-pause-fencing-safe：单个 Redis 配合 INCR 令牌，存储确实拒绝了迟到的写入。',
    ],
  },
  'lock-showdown': {
    title: '对决：同样的负载跑在 Redis 锁和 ZooKeeper 锁上',
    description: '四个客户端使用 Redis 锁（SET NX PX，TTL 4 s，每 100 ms 轮询一次），Redis 按生产环境的方式部署：一个主节点，它的副本落后 200 ms，外加三个 Sentinel（quorum 2，down-after 1 s），客户端向它们询问主节点；另外四个客户端使用 ZooKeeper 锁（集群模式：三台服务器，所以每次 create 和 delete 都是一个提案，要等两台 fsync 之后才提交；Curator 的做法，会话 4 s，从 Curator 默认的 60 s 按比例缩短）。每一边有三个客户端共用一把锁，轮流做四轮 300 ms 的工作，另有一个 bench 客户端单独对另一把锁连续加锁、解锁 30 次。每一边的第一个持有者在轮到它 200 ms 后崩溃（ZooKeeper 一边晚 2 s 开始，等它的集群选出 leader、客户端都连上之后）。',
    watchFor: '把两边的指标放在一起比较。加锁：redis-lock.acquire.p50.ms 是一次往返，zk-lock.acquire.p50.ms 是一次经过 leader 的 create（一轮 quorum 加一次 fsync，日志里的 zk.quorum.propose … zk.quorum.commit）再加一次 getChildren。节奏：….ops.per.s 是最繁忙那一秒内的锁操作数，由 bench 客户端决定——Redis 加锁解锁的频率大约是 ZooKeeper 的两倍，ZooKeeper 的每次 create 和每次 delete 都要付出一轮 quorum 的代价（这就是说明里的“平均并发：强一致性”）。等待：redis-lock.wait.requests（每个等待者每 100 ms 轮询一次）对比 zk-lock.wait.requests（每轮一个 watch）。交接，从持有者放手（lock.unlock）开始计时：Redis 是 DEL 加上最多一个轮询间隔，ZooKeeper 是经过 quorum 的 delete 加一次通知和一次 getChildren。崩溃之后，两把锁都处于不可用状态（…unusable.ms），直到 TTL 或会话超时耗尽。',
    tryThis: [
      '把 Redis 客户端的 retryMs 降到 20：它们的交接比 ZooKeeper 快得多，代价是请求数多出一倍以上。',
      '把 ZooKeeper 服务器的 fsyncMs 调到 20（机械硬盘）：每次 create 和 delete 都要等它，所以 ZooKeeper 一边的加锁延迟和交接时间变长，节奏下降；从内存应答的 Redis 不受影响。',
      '在临界区中途让两边的主节点（Redis 主节点和 ZooKeeper leader）都崩溃：给竞争的客户端 3 s 的工作量，在 4.2 s 时让 Redis 主节点崩溃（r3 刚拿到锁；落后 200 ms 的副本还没有这把锁），在 7.2 s 时让 ZooKeeper 的 leader zookeeper 3 崩溃（z2 持有锁）。Sentinel 在 1 s 的 down-after 和一次选举之后提升副本，得知新主节点的 r2 在 r3 仍在工作时拿到了同一把锁：监视器标记出这一点。ZooKeeper 从两台记录了每次提交的服务器中选出新 leader，客户端保住了各自的会话，没有人重复持有锁。',
    ],
  },
  'zk-ensemble-failover': {
    title: 'ZooKeeper 集群：leader 在锁交接期间崩溃',
    description: '集群模式：三台 ZooKeeper 服务器选出一个 leader（z3：日志相同，id 最大），每次写入都作为提案经过它，三台中有两台写入磁盘后才提交。三个客户端带着栅栏令牌使用 Curator 锁；它们的连接串列出了全部三台服务器。c1 释放锁时，leader 崩溃了，c1 的 delete 已提议但尚未提交。',
    watchFor: 'z1 和 z2 进入 LOOKING 状态并关闭各自客户端的连接，然后在 epoch 2 选出 z2（zk.quorum.elected）：两者都记录了这次 delete，所以新 leader 提交了它（Zab 会保留 quorum 已记录的内容）。客户端用原来的会话重新连接（zk.session.resume）；c1 的 guaranteed delete 发现自己的节点已经不在了；c3 被恢复的 watch 唤醒，拿到锁，栅栏令牌更大。没有重复授予：mutual-exclusion 和 fencing-order 都成立。跨越崩溃的这次交接需要一次选举和一次重连（大约一秒），而不是一个提案。',
    tryThis: [
      '不让 z3 崩溃，而是切断它与 z1、z2 的链路：z3 保留自己的客户端，直到 syncLimit（5 个 tick）内都凑不到 quorum 才退位；在此期间没有客户端能通过它拿到锁，因为没有 quorum 任何写入都无法提交。',
      '一秒后让 z2 也崩溃：三台中只剩一台，凑不成 quorum，没人提供服务，锁一直等待（lock-progress），直到其中一台重启。',
    ],
  },
  'config-watch': {
    title: '配置 watch：一次性 watch 会漏掉在重新注册之前发生的变更',
    description: '单机模式（一台 ZooKeeper 服务器）。三个服务把配置保存在 znode /config/app 中（值 vN 即数据版本 N），用经典的一次性 watch 跟踪它：每收到一次通知，就调用 getData(watch = true)，读取新值并重新注册 watch。管理员先写入 v1，5 ms 后写入 v2；然后隔半秒先后写入 v3 和 v4。',
    watchFor: '大约 1 s 时，每个服务都收到 v1 的 NodeDataChanged，它的 watch 随即失效；v2 在任何重新读取到达之前就落到了服务器上，所以永远不会有它的事件：s1、s2、s3 的 every-change-notified 均失败（watch.missed = 3）。它们的重新读取返回 v2，所以最终是最新的，但两次变更只收到一个事件，也从未看到过 v1。v3 和 v4 正常通知：4 次变更 × 3 个服务，共 9 个事件。',
    tryThis: [
      '打开 config-watch-persistent，或在每个服务上把 mode 设为 persistent：watch 一直有效，4 次变更都送达每个服务（12 个事件）。',
      '在 2505 ms（写入 v3 时）把 s2 暂停 1000 ms：它的通知要等暂停结束，而 v4 恰好在 s2 的 watch 失效期间落地——慢的 watcher 会掉进和突发写入同样的间隙。',
      '把 v2 移到 1200 ms：重新读取先到达 ZooKeeper，每次变更都有自己的事件。',
    ],
    guide: {
      armed: 's1 读取配置，并在上面留下一个一次性 watch。',
      fired: '写入 v1：每个 watch 触发一次，随即失效。',
      missed: 'v2 在 6 ms 后落地，此时还没有任何服务重新注册 watch：没有人收到通知。',
      reread: 's1 得知发生了变更；事件不携带数据，所以它再读一次。',
      caughtUp: 's1 读到 v2 并重新注册 watch：它是最新的，但从未看到过 v1，两次变更只收到一个事件。',
      later: 'v3 来得足够慢：重新注册的 watch 如期触发。',
    },
  },
  'config-watch-persistent': {
    title: '配置 watch，持久 watch：每次变更都有通知',
    description: '单机模式（一台 ZooKeeper 服务器）。同样的服务，同样快速的两次写入，但每个服务只注册一次持久 watch（addWatch，ZooKeeper 3.6+），重新读取时不再设置 watch。watch 永远不会失效，所以通知与重新注册之间不会漏掉任何东西。',
    watchFor: '大约 1 s 时，每个服务收到两个 NodeDataChanged 事件，一个对应 v1，一个对应 v2：4 次变更共 12 个事件，watch.missed = 0，没有违规。事件不携带数据，所以第一个事件之后的读取可能已经返回 v2：持久 watch 保证的是每次变更一个事件，而不是每一个中间值。',
    tryThis: [
      '在 s1 上把 rereadWatch 设为 true：在 ZooKeeper 3.8 中，同一路径上最后设置的 watch 生效，所以它的 getData(watch = true) 悄无声息地把持久 watch 变成了一次性 watch，s1 漏掉了 v2。',
      '在 2505 ms 时把 s2 暂停 1000 ms：它的事件会等它，在暂停结束后到达，一个不漏。',
      '在 1.3 s 时把 s1 隔离 5 s：v3 和 v4 停留在 ZooKeeper 的发送缓冲区里，s1 的读超时（4 s）断开连接，重连时用 SetWatches 恢复持久 watch，而 SetWatches 不会补发期间发生的变更。s1 停留在 v2（every-change-notified，在 s1 处判定）。然后像 Curator 的缓存那样在 s1 上设置 rereadOnReconnect，它就能追上来。',
    ],
  },
  'zk-stale-read': {
    title: 'ZooKeeper 集群：从落后的 follower 读到旧数据，以及 sync()',
    description: '集群模式：三台服务器，z3 是 leader；z1 到 leader 的链路很慢（250 ms），所以 z1 很晚才得知提交。z3 上的写者把 /config 设为 v2，只要 z3 和 z2 有了它就被告知写入完成；随后 z1 上的读者读取 /config。ZooKeeper 由客户端所连接的服务器直接应答读请求，不询问 leader。',
    watchFor: '写者的 set 已经返回（zk.script.reply），而 z1 还没有应用这次提交：写入完成之后，读者在 z1 上的下一次 get 仍然返回 v1。然后读者调用 sync /config：z1 把它转发给 leader，直到 leader 在此之前提交的一切都到达 z1 才应答，所以之后的 get 返回 v2。',
    tryThis: [
      '让读者连接 z2（target z2）：z2 属于每次写入的 quorum，所以它的副本最多落后一条提交消息，读到旧数据的窗口几乎消失。',
      '从读者的操作中删掉 sync 这一行：它在写入之后的每次读取都只和 z1 的副本一样新。',
    ],
  },
  'idempotency-none': {
    title: '没有幂等键：慢支付被重试，扣款两次',
    description: '商店为 order-42 支付 30。支付服务在请求到达后随即卡住 1.3 s（一次长时间的 GC 停顿），所以 1 s 后商店放弃等待，再次发送支付。第一个请求只是慢，并没有丢，但没有任何信息告诉服务第二个请求是同一笔支付。',
    watchFor: '服务在 1.3 s 醒来时，先完成第一次扣款（ch_1；应答发往一个商店已经关闭的连接），然后把重试当作一笔新支付来处理：大约 1.6 s 时出现 ch_2，single-charge 失败。商店看到的是一笔成功的支付；卡却被扣了两次（pay.charges = 2）。',
    tryThis: [
      '打开 idempotency-redis：同样的卡顿，但在扣款前先在 Redis 中占用一个幂等键。',
      '去掉停顿（在 Faults 故障标签页中）：应答及时到达，没有重试，只扣一次款。',
      '把商店的 timeoutMs 调到 2000：多等一会儿能在这次卡顿中掩盖问题，但卡顿更长时就不行了。',
    ],
    guide: {
      send: '商店为 order-42 发出一笔 30 的支付，没有幂等键。',
      stall: '请求刚到达，支付服务就卡住了（一次长时间的 GC 停顿）。',
      timeout: '1 s 后商店没有收到任何回音。是丢了还是只是慢？它分不清，所以再次发送支付。',
      first: '服务醒来，为第一次尝试扣款。',
      twice: '然后它为重试也扣了款：没有任何信息告诉它这两个请求是同一笔支付。扣款两次。',
    },
  },
  'idempotency-redis': {
    title: 'Redis 中的幂等键：用 SET NX 占用，重试拿到保存的结果',
    description: '同样的卡顿，但每次尝试都带着键 order-42。扣款前，服务用 SET idem:order-42 "pending order-42/30" NX PX 3000 占用它；扣款后把 "done … ch_1" 存到这个键下，再应答。发现键已存在的重试直接用它应答。之后，第二次结账为另一个订单复用了这个键。占用的安全程度取决于 Redis：Redis 重启会忘掉它（这里没有持久化），而没能写到 Redis 的 "done" 会留下一个最终过期的 pending 占用——无论哪种情况，重试都会再次扣款（Hunt 故障搜索在几百次运行内就能找到）。要做到恰好一次（exactly once），扣款和它的记录必须在同一个事务里。',
    watchFor: '重试发现键处于 pending，得到 409（处理中）；退避 400 ms 后再问一次，拿到保存的 ch_1（pay.dedupe.hits = 1）——只扣一次款。2.5 s 时 checkout-2 用键 order-42 发送 order-43（45）：参数不同，所以被 422 拒绝，而不是被告知已经支付。',
    tryThis: [
      '在 1500 ms（扣款中途）让 payments 崩溃，2000 ms 时重启：键一直处于 pending，直到它 3 s 的 TTL 在大约 3 s 时耗尽，然后某次重试接管它并扣款一次（或者打开 idempotency-crash）。',
      '在 payments 上把 checkParams 设为 false：checkout-2 拿到了 order-42 的收据，以为自己已经支付（replay-matches-request 失败）。',
      '把停顿设为 3500 ms，比 pendingTtlMs 更长：第一次尝试还在执行时标记就过期了，重试再次扣款——TTL 只是对最慢请求的一个猜测。',
    ],
  },
  'idempotency-zk': {
    title: 'ZooKeeper 中的幂等键：重试的 create 因 NodeExists 失败',
    description: '同样的卡顿，幂等键保存为 znode：服务通过创建 /idempotency/order-42（"pending …"）来占用 order-42，扣款后把它的数据设为结果。重试的 create 因 NodeExists 失败，服务用 znode 中的内容应答。',
    watchFor: '重试的 create 被 NodeExists 拒绝，znode 仍然是 pending，所以商店得到 409；它的下一次尝试读到 "done … ch_1"，拿到保存的结果。只扣一次款。znode 永远不会过期：不用去猜 TTL，但服务死掉后它的占用也没有任何东西来释放。',
    tryThis: [
      '在 1500 ms（扣款中途）让 payments 崩溃，2000 ms 时重启：pending 的 znode 比崩溃活得更久，每次重试都得到 409，商店在 8 次尝试后放弃，没有完成支付——对比 idempotency-redis，那里的 TTL 会让占用过期。',
      '把停顿设为 5000 ms：仍然只扣一次款——持久的占用不会因为请求慢而过期。',
    ],
  },
  'idempotency-crash': {
    title: '服务持有键时死掉：在占用过期之前一直处于处理中',
    description: '商店用键 order-42 支付；服务在 Redis 中占用这个键（pending，PX 3000），然后在扣款中途崩溃，还没有扣款，也没有结果。它在 1.2 s 重启，内存里什么都没有。重试既不能永远等下去，也不能扣款两次。占用的持久程度取决于 Redis：重试在途时 Redis 崩溃（没有 appendonly）会忘掉它，重试就会再次扣款（Hunt 故障搜索能找到这种情况）。',
    watchFor: '重启后的重试发现键处于 pending，每 400 ms 得到一次 409（商店的卡片上有显示），直到占用的 3 s TTL 在大约 3 s 时耗尽；下一次重试重新占用这个键（pay.pending.expired = 1）并扣款一次。崩溃前没有扣过款，所以总共只扣一次。',
    tryThis: [
      '把 pendingTtlMs 调到 20000：占用比商店的耐心更持久，商店在 8 次尝试后放弃——长 TTL 安全，但恢复得慢。',
      '把崩溃移到 370 ms，即扣款之后、应答之前：结果与扣款一起写入了，所以第一个成功送达的重试就会拿到它。',
    ],
  },
  'session-store': {
    title: '会话存放在应用内存中：一次崩溃让用户掉线',
    description: '四个用户通过一个粘性负载均衡器访问两台应用服务器，服务器把 HTTP 会话保存在自己的内存里（servlet 容器的默认做法）。3 s 时 app1 崩溃：固定在它上面的用户的会话随进程一起消失。',
    watchFor: '进程死掉时，app1 的主机重置了负载均衡器的连接，所以负载均衡器立即把 app1 摘出轮转（就像 HAProxy 配置了 observe layer4 时那样；否则要等两次健康检查失败之后），把固定在 app1 上的 alice 和 carol 转到 app2，而 app2 从未见过她们的会话 cookie：401，no session——no-unexpected-logout 触发，她们只能重新登录。app2 上的 bob 和 dave 毫无察觉。',
    tryThis: [
      '把负载均衡器的 policy 设为 round-robin：根本不用崩溃，用户在前几个页面内就会掉线——内存中的会话需要粘性路由。',
      '打开 session-store-redis：同样的崩溃，会话存放在 Redis 中，没有人掉线。',
      '崩溃后重启 app1（在它的菜单里）：它以空白状态恢复，在两次健康检查通过之前，负载均衡器不会把任何人送回给它。',
    ],
    guide: {
      login: 'alice 登录：她的会话只存在于 app1 的内存中，粘性负载均衡器一直把她送到那里。',
      crash: 'app1 崩溃，它内存中的所有会话都没了。',
      out: 'app1 的连接被重置，所以负载均衡器立即把它摘出轮转。',
      kicked: 'alice 的下一个页面被发往 app2，而 app2 从未见过她的会话：401，她莫名其妙地被登出了。',
      relogin: 'alice 只能重新登录，这次是在 app2 上。',
    },
  },
  'session-store-redis': {
    title: '会话存放在 Redis 中：应用服务器崩溃，用户不受影响',
    description: '同样的四个用户，同样在 3 s 时 app1 崩溃，但应用服务器像 Spring Session 那样把会话保存在 Redis 中：每个会话一个 hash，每次请求都读取，再连同 lastAccessedTime 和新的过期时间写回（maxInactiveInterval，这里是 10 s，Spring 默认是 1800 s）。负载均衡器是普通的 round-robin。会话的持久程度取决于 Redis：这里的 Redis 只把它们放在内存中（appendonly 关闭），所以 Redis 一崩溃，所有人都会掉线（Hunt 故障搜索在最初几次运行中就能找到）。',
    watchFor: 'redis 卡片上的 spring:session:sessions:… hash，每访问一个页面，它们的 TTL 进度条就被重新填满。崩溃时，app1 的主机重置了负载均衡器的连接，立即把 app1 摘掉（正在 app1 内处理的请求会得到 502）；之后 app2 用同样的 cookie 为所有人服务，没有人掉线。代价是 app.redis.trips.per.request：每个页面要三次 Redis 往返（HGETALL、HSET、PEXPIRE）。',
    tryThis: [
      '改为让 redis 崩溃（在它的菜单里）：每个请求都以 503 失败，session store unavailable，但没有人掉线——直到你重启它：它以空白状态恢复（没有持久化），所有人都掉线了。',
      '把 alice 的 pageEveryMs 设为 11000：她的会话键在两次访问之间于 Redis 中过期（401，no session）——这是 maxInactiveInterval 在正常工作，所以没有监视器报警。',
      '给 redis 加上 +20000 ms 的时钟偏移：键按 Redis 的时钟过期，所以所有会话一下子全部消失。',
    ],
  },
  'session-jwt': {
    title: '无状态 JWT：登出无法吊销被盗的令牌',
    description: 'alice 和 bob 登录，拿到有效期 15 s 的签名访问令牌；应用服务器什么都不保存，用自己的时钟检查每个令牌的签名和 exp。访问第三个页面之后，alice 的令牌被盗（一份副本经链路传给了 mallory），她在大约 5 s 时登出。mallory 每 500 ms 重放一次这个令牌。',
    watchFor: 'alice 的登出在服务器上没有改变任何东西：mallory 的重放一直得到 200，直到大约 15 s 时令牌到期（exp）——第一次重放就触发 no-access-after-logout，auth.revoked.accepted 把它们全部计数。与此同时，bob 在自己的令牌过期时被登出，只能重新登录：没有刷新令牌，长 exp 是让用户保持登录的唯一办法。',
    tryThis: [
      '打开 session-jwt-denylist：短期访问令牌、刷新令牌加上 Redis 黑名单，堵住了这个漏洞。',
      '把 app2 的时钟偏移 −5000 ms：它按自己的时钟检查 exp，比 app1 多接受被盗令牌 5 s。',
      '把应用的 tokenTtlMs 降到 4000：被盗令牌更早失效，但 bob 每 4 s 就得重新登录一次。',
    ],
  },
  'session-jwt-denylist': {
    title: '短期令牌、刷新令牌和黑名单：登出真正生效',
    description: '访问令牌现在只有 5 s 有效期；用户用保存在 Redis 中、每次使用都会轮换的刷新令牌，把过期的访问令牌换成一对新令牌。登出时把访问令牌放进 Redis 黑名单直到它的 exp，并删除刷新令牌；每个请求都检查黑名单。alice 的令牌恰好在她登出之前被盗。轮换本身也有代价：如果一次刷新的应答丢了，用户手里就只剩一个已经用过的刷新令牌，重试被拒绝，用户被登出（Hunt 故障搜索在注入消息丢失时能找到）。',
    watchFor: 'alice 仍在登录状态时，mallory 的重放被接受（没有任何办法区分被盗的令牌和她自己的），从她登出开始就被拒绝——401 token revoked，exp 过后则是 token expired。no-access-after-logout 保持绿色。bob 每 5 s 刷新一次，毫无察觉。代价是 app.redis.trips.per.request：每个页面都要检查一次黑名单。',
    tryThis: [
      '把应用的 denylist 设为 false：mallory 在登出后又能进来了，但只持续到 5 s 的令牌过期——短期令牌限制了损害范围。',
      '在 8 s 时让 redis 崩溃，8.5 s 时重启：它恢复后没有了黑名单（没有持久化），已吊销的令牌又能用了。',
      '在 3 s 时让 app1 崩溃：负载均衡器绕开它，没有人掉线——服务器之间不共享任何会话状态。',
    ],
  },
};
