package io.flightdeck.ops.bulk;

import java.util.Map;
import java.util.UUID;

import io.flightdeck.shared.persistence.NotAudited;
import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One item of a bulk operation and its outcome. Not audited itself: the change it makes to the item is, by the
 * owning module's entity, and ten thousand audit rows about bookkeeping would bury those.
 */
@Entity
@Table(name = "bulk_items")
@NotAudited
class BulkItem extends TenantOwnedEntity {

    private UUID operationId;
    private int position;
    private UUID itemId;
    private String itemName;
    @Enumerated(EnumType.STRING)
    private BulkItemState state;
    private String reason;
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, String> restore;
    @Version
    private Long version;

    protected BulkItem() {
    }

    BulkItem(UUID operationId, int position, UUID itemId) {
        this.operationId = operationId;
        this.position = position;
        this.itemId = itemId;
        this.state = BulkItemState.PENDING;
    }

    void succeeded(String name, Map<String, String> restore) {
        this.itemName = name;
        this.state = BulkItemState.SUCCEEDED;
        this.restore = restore;
        this.reason = null;
    }

    void failed(String name, String reason) {
        this.itemName = name;
        this.state = BulkItemState.FAILED;
        this.reason = BulkReasons.fit(reason);
    }

    void undone() {
        this.state = BulkItemState.UNDONE;
    }

    void undoFailed(String reason) {
        this.state = BulkItemState.UNDO_FAILED;
        this.reason = BulkReasons.fit(reason);
    }

    UUID getOperationId() { return operationId; }
    int getPosition() { return position; }
    UUID getItemId() { return itemId; }
    String getItemName() { return itemName; }
    BulkItemState getState() { return state; }
    String getReason() { return reason; }
    Map<String, String> getRestore() { return restore; }
}
