#!/usr/bin/env bash
# A village's first day, against `dotnet run --project src/PointsLedger.Api` (Development).
set -euo pipefail
API=${API:-http://localhost:5080}
field() { sed -E "s/.*\"$1\":\"?([^\",}]+)\"?.*/\1/"; }
post() { curl -s -X POST "$API$1" -H "Authorization: Bearer $2" -H 'Content-Type: application/json' ${4:+-H "Idempotency-Key: $4"} -d "$3"; }
token() { curl -s -X POST "$API/api/auth/dev-token" -H 'Content-Type: application/json' -d "$1" | field accessToken; }

ADMIN=$(token '{"role":"admin"}')
VILLAGE=$(post /api/villages "$ADMIN" "{\"code\":\"DEMO-$RANDOM\",\"name\":\"东刁村\",\"township\":\"刁镇街道\"}" | field villageId)
CADRE=$(token "{\"role\":\"cadre\",\"villageId\":\"$VILLAGE\"}")
APPROVER=$(token "{\"role\":\"approver\",\"villageId\":\"$VILLAGE\"}")

post /api/villages/$VILLAGE/rules "$CADRE" '{"code":"O01","color":"orange","title":"孝老爱亲","points":5,"monthlyCap":10}'; echo
post /api/villages/$VILLAGE/rules "$CADRE" '{"code":"G04","color":"green","title":"乱堆乱放","points":-5}'; echo
post /api/villages/$VILLAGE/rules "$CADRE" '{"code":"B02","color":"blue","title":"发展特色产业","points":10,"requiresApproval":true}'; echo
HOUSEHOLD=$(post /api/villages/$VILLAGE/households "$CADRE" '{"householdNo":"0001","headName":"张三明","idNumber":"11010519491231002X","phone":"13800000000","grid":"第1网格"}' | field householdId)
TODAY=$(TZ=Asia/Shanghai date +%F)

echo "— award, and the same request retried with its Idempotency-Key: one award"
post /api/awards "$CADRE" "{\"householdId\":\"$HOUSEHOLD\",\"ruleCode\":\"O01\",\"occurredOn\":\"$TODAY\"}" key-1; echo
post /api/awards "$CADRE" "{\"householdId\":\"$HOUSEHOLD\",\"ruleCode\":\"O01\",\"occurredOn\":\"$TODAY\"}" key-1; echo
echo "— an award that needs approval, approved by the approver"
AWARD=$(post /api/awards "$CADRE" "{\"householdId\":\"$HOUSEHOLD\",\"ruleCode\":\"B02\",\"occurredOn\":\"$TODAY\"}" key-2 | field awardId)
post /api/awards/$AWARD/approve "$APPROVER" '{}' key-3; echo
echo "— a refusal: the monthly cap of O01 is 10"
post /api/awards "$CADRE" "{\"householdId\":\"$HOUSEHOLD\",\"ruleCode\":\"O01\",\"occurredOn\":\"$TODAY\"}"; echo
post /api/awards "$CADRE" "{\"householdId\":\"$HOUSEHOLD\",\"ruleCode\":\"O01\",\"occurredOn\":\"$TODAY\"}"; echo
echo "— balance and history"
curl -s "$API/api/households/$HOUSEHOLD/balance" -H "Authorization: Bearer $CADRE"; echo
curl -s "$API/api/households/$HOUSEHOLD/ledger" -H "Authorization: Bearer $CADRE"; echo
