#!/usr/bin/env bash
# A village's first day (awards, then the points supermarket), against `dotnet run --project src/PointsLedger.Api` (Development).
set -euo pipefail
API=${API:-http://localhost:5080}
field() { sed -E "s/.*\"$1\":\"?([^\",}]+)\"?.*/\1/"; }
post() { curl -s -X POST "$API$1" -H "Authorization: Bearer $2" -H 'Content-Type: application/json' ${4:+-H "Idempotency-Key: $4"} -d "$3"; }
token() { curl -s -X POST "$API/api/auth/dev-token" -H 'Content-Type: application/json' -d "$1" | field accessToken; }
# An ID number belongs to one household of the township: each walk-through registers a new one (GB 11643 check character).
id_number() {
  local body="110105$(date -d "1950-01-01 +$((RANDOM * 3 % 20000)) days" +%Y%m%d)$(printf %03d $((RANDOM % 1000)))" sum=0 i
  local weights=(7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2) checks=10X98765432
  for i in $(seq 0 16); do sum=$((sum + ${body:i:1} * ${weights[i]})); done
  echo "$body${checks:sum % 11:1}"
}
ID_NUMBER=$(id_number)

ADMIN=$(token '{"role":"admin"}')
VCODE="DEMO-$RANDOM"
VILLAGE=$(post /api/villages "$ADMIN" "{\"code\":\"$VCODE\",\"name\":\"东刁村\",\"township\":\"刁镇街道\"}" | field villageId)
CADRE=$(token "{\"role\":\"cadre\",\"villageId\":\"$VILLAGE\"}")
APPROVER=$(token "{\"role\":\"approver\",\"villageId\":\"$VILLAGE\"}")

post /api/villages/$VILLAGE/rules "$CADRE" '{"code":"O01","color":"orange","title":"孝老爱亲","points":5,"monthlyCap":10}'; echo
post /api/villages/$VILLAGE/rules "$CADRE" '{"code":"G04","color":"green","title":"乱堆乱放","points":-5}'; echo
post /api/villages/$VILLAGE/rules "$CADRE" '{"code":"B02","color":"blue","title":"发展特色产业","points":10,"requiresApproval":true}'; echo
post /api/villages/$VILLAGE/grids "$CADRE" '{"code":"G01","name":"第1网格"}'; echo
REGISTERED=$(post /api/villages/$VILLAGE/households "$CADRE" '{"householdNo":"0001","headName":"张三明","idNumber":"'"$ID_NUMBER"'","phone":"13800000000","grid":"G01"}')
HOUSEHOLD=$(echo "$REGISTERED" | field householdId)
CARD=$(echo "$REGISTERED" | field cardNo)
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

echo "— the village points supermarket: goods with stock, an offer that takes only orange points, and the clerk"
SHOP=$(post /api/merchants "$ADMIN" "{\"name\":\"东刁村五色超市\",\"kind\":\"supermarket\",\"villageIds\":[\"$VILLAGE\"]}" | field merchantId)
post /api/merchants/$SHOP/goods "$ADMIN" '{"sku":"XYF-1","name":"洗衣粉","points":5,"cashValue":5.00,"stock":20}'; echo
OFFER=$(post /api/merchants/$SHOP/offers "$ADMIN" '{"title":"10 分抵 1 元","points":10,"cashValue":1.00,"monthlyLimitPerHousehold":1,"acceptedColors":["orange"]}' | field offerId)
CLERK=$(token "{\"role\":\"clerk\",\"merchantId\":\"$SHOP\"}")
echo "— an elderly resident shows the household card: the clerk types the card number and the last six ID digits"
post /api/redemptions/quote "$CLERK" "{\"merchantId\":\"$SHOP\",\"cardNo\":\"$CARD\",\"idLast6\":\"${ID_NUMBER: -6}\"}"; echo
echo "— wrong digits are refused and counted (five lock the card for the day)"
post /api/redemptions "$CLERK" "{\"merchantId\":\"$SHOP\",\"offerId\":\"$OFFER\",\"cardNo\":\"$CARD\",\"idLast6\":\"123456\"}"; echo
echo "— two bags of washing powder and the offer, retried once on a flaky network: one receipt"
REDEEM="{\"merchantId\":\"$SHOP\",\"items\":[{\"sku\":\"XYF-1\",\"quantity\":2},{\"offerId\":\"$OFFER\",\"quantity\":1}],\"cardNo\":\"$CARD\",\"idLast6\":\"${ID_NUMBER: -6}\"}"
post /api/redemptions "$CLERK" "$REDEEM" key-4; echo
RECEIPT=$(post /api/redemptions "$CLERK" "$REDEEM" key-4 | field redemptionId)
echo "— the offer's monthly limit is 1"
post /api/redemptions "$CLERK" "{\"merchantId\":\"$SHOP\",\"offerId\":\"$OFFER\",\"cardNo\":\"$CARD\",\"idLast6\":\"${ID_NUMBER: -6}\"}"; echo
echo "— the clerk reverses the redemption: the same points and the stock come back"
post /api/redemptions/$RECEIPT/reverse "$CLERK" '{"reason":"顾客退货"}' key-5; echo
echo "— last month's notice: an award dated last month, then the approver closes the month"
LAST=$(TZ=Asia/Shanghai date -d "$(TZ=Asia/Shanghai date +%Y-%m-01) -1 month" +%Y-%m)
post /api/awards "$CADRE" "{\"householdId\":\"$HOUSEHOLD\",\"ruleCode\":\"O01\",\"occurredOn\":\"$LAST-15\"}"; echo
CLOSED=$(post /api/villages/$VILLAGE/notices "$APPROVER" "{\"month\":\"$LAST\"}"); echo "$CLOSED"
echo "— nothing more can be dated into it"
post /api/awards "$CADRE" "{\"householdId\":\"$HOUSEHOLD\",\"ruleCode\":\"O01\",\"occurredOn\":\"$LAST-20\"}"; echo
echo "— anyone can check a printed sheet's digest, without signing in"
curl -s "$API/verify?village=$VCODE&month=$LAST&digest=$(echo "$CLOSED" | field digest | cut -c1-16)"; echo
echo "   the printable sheet: $API/api/villages/$VILLAGE/notices/$LAST.html (also .pdf, .xlsx, .csv; a signed-in browser or curl with the token)"
echo "— the supermarket's statement for this month"
curl -s "$API/api/merchants/$SHOP/statements/$(TZ=Asia/Shanghai date +%Y-%m)" -H "Authorization: Bearer $CLERK"; echo
echo "— last month's notice as the PDF to post on the board"
NOTICE_PDF=${NOTICE_PDF:-notice-$LAST.pdf}
curl -s -o "$NOTICE_PDF" -w "%{http_code} %{content_type} %{size_download} bytes → $NOTICE_PDF\n" \
  "$API/api/villages/$VILLAGE/notices/$LAST.pdf" -H "Authorization: Bearer $APPROVER"
