package cn.luoshi.audit.internal;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import cn.luoshi.audit.AuditCheckpoint;
import cn.luoshi.audit.ChainVerification;
import cn.luoshi.audit.ChainVerification.Problem;
import org.springframework.stereotype.Component;

/**
 * Checks the chain against itself and against the checkpoints kept outside the database. The chain alone shows a
 * row changed in place; only a checkpoint shows rows deleted at the head or a row rewritten with every row after it
 * re-chained, because the checkpointed row then is gone or carries another hash.
 *
 * <p>Reports one problem: the first one in chain order (a row that does not match itself or its predecessor, or a
 * checkpointed row with another hash), else the lowest checkpointed row that is missing, else the first badly
 * signed checkpoint line.
 */
@Component
public class ChainVerifier {

    private final AuditChainReader chain;
    private final CheckpointLog checkpoints;

    ChainVerifier(AuditChainReader chain, CheckpointLog checkpoints) {
        this.chain = chain;
        this.checkpoints = checkpoints;
    }

    private record Finding(long rowId, Problem problem, AuditCheckpoint checkpoint) {
    }

    public ChainVerification verify() {
        Map<Long, List<AuditCheckpoint>> byRow = new TreeMap<>();
        CheckpointLog.Entry badlySigned = null;
        int signed = 0;
        for (CheckpointLog.Entry entry : checkpoints.read()) {
            if (entry.signed()) {
                byRow.computeIfAbsent(entry.checkpoint().rowId(), id -> new ArrayList<>()).add(entry.checkpoint());
                signed++;
            } else if (badlySigned == null) {
                badlySigned = entry;
            }
        }

        AtomicLong checked = new AtomicLong();
        TreeMap<Long, AuditCheckpoint> good = new TreeMap<>();
        Set<Long> found = new HashSet<>();
        Finding[] finding = new Finding[1];
        chain.walk((id, hash, rowProblem) -> {
            checked.incrementAndGet();
            if (rowProblem != null) {
                finding[0] = new Finding(id, rowProblem == AuditChainReader.RowProblem.CONTENT_ALTERED
                        ? Problem.CONTENT_ALTERED : Problem.CHAIN_BROKEN, null);
                return false;
            }
            List<AuditCheckpoint> here = byRow.get(id);
            if (here != null) {
                found.add(id);
                for (AuditCheckpoint checkpoint : here) {
                    if (!checkpoint.hash().equals(hash)) {
                        finding[0] = new Finding(id, Problem.CHECKPOINT_MISMATCH, checkpoint);
                        return false;
                    }
                }
                good.put(id, here.getLast());
            }
            return true;
        });
        if (finding[0] == null) {
            finding[0] = byRow.entrySet().stream().filter(e -> !found.contains(e.getKey())).findFirst()
                    .map(e -> new Finding(e.getKey(), Problem.ROW_MISSING, e.getValue().getFirst())).orElse(null);
        }

        if (finding[0] != null) {
            Finding f = finding[0];
            var below = good.lowerEntry(f.rowId());
            return new ChainVerification(false, checked.get(), f.rowId(), reason(f), f.problem(), signed,
                    below == null ? null : below.getValue(), f.checkpoint());
        }
        AuditCheckpoint lastGood = good.isEmpty() ? null : good.lastEntry().getValue();
        if (badlySigned != null) {
            return new ChainVerification(false, checked.get(), null, badSignature(badlySigned),
                    Problem.CHECKPOINT_SIGNATURE, signed, lastGood, badlySigned.checkpoint());
        }
        return new ChainVerification(true, checked.get(), null, null, null, signed, lastGood, null);
    }

    private static String reason(Finding f) {
        return switch (f.problem()) {
            case CONTENT_ALTERED -> "内容被篡改：记录与其哈希不符 / content altered: the row does not match its hash";
            case CHAIN_BROKEN -> "链断裂：上一条记录被删除、插入或改动 / chain broken: a preceding row was removed, "
                    + "inserted or altered";
            case ROW_MISSING -> "记录缺失：" + time(f.checkpoint()) + " 的检查点记载的第 " + f.rowId()
                    + " 条记录已不存在（记录被删除）/ row missing: row " + f.rowId() + ", anchored by the checkpoint of "
                    + time(f.checkpoint()) + ", is gone (rows were deleted)";
            case CHECKPOINT_MISMATCH -> "与检查点不符：第 " + f.rowId() + " 条记录的哈希与 " + time(f.checkpoint())
                    + " 的检查点不同，它或它之前的记录被改写并重新链接 / hash differs from the checkpoint of "
                    + time(f.checkpoint()) + ": this row or one before it was rewritten and the chain rebuilt";
            case CHECKPOINT_SIGNATURE -> throw new IllegalArgumentException();
        };
    }

    private static String badSignature(CheckpointLog.Entry entry) {
        String where = CheckpointLog.FILE + ":" + entry.line();
        return "检查点签名不符：" + where + " 不是本系统签发的 / checkpoint signature wrong: " + where
                + " was not written by this system";
    }

    private static String time(AuditCheckpoint checkpoint) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(checkpoint.at());
    }
}
