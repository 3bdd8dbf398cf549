-- A prediction is recorded once a day per campaign and inputs (guidance, issue 30). The check was read-then-insert, so
-- two first loads at once could record the same prediction twice; the key makes the second writer find the first.
-- Copies already made are removed first, keeping the earliest of each.
delete from guidance_predictions p
 where exists (select 1 from guidance_predictions q
                where q.tenant_id = p.tenant_id and q.campaign_id = p.campaign_id
                  and q.predicted_on = p.predicted_on and q.inputs_hash = p.inputs_hash
                  and (q.predicted_at < p.predicted_at or (q.predicted_at = p.predicted_at and q.id < p.id)));
create unique index guidance_predictions_once_a_day
    on guidance_predictions (tenant_id, campaign_id, predicted_on, inputs_hash);
