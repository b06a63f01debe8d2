// Drives the npm package "open311" (a GeoReport v2 client) against a running Luoshi.
var Open311 = require('open311');
var base = process.argv[2], apiKey = process.argv[3];
var client = new Open311({ endpoint: base + '/open311/v2/', apiKey: apiKey, jurisdiction: '990100', format: 'json' });
client.serviceList(function (err, services) {
  if (err) { console.log('serviceList failed', services); process.exit(1); }
  console.log('services:', services.length, services.map(function (s) { return s.service_code; }).join(','));
  client.submitRequest({
    service_code: 'POWER', description: '园区变电站容量不足，新厂房无法按期通电（open311 npm 客户端提交）',
    first_name: '建国', last_name: '李', phone: '13800000000', email: 'li@example.cn',
    address_string: '示例市工业集中区纬三路8号', lat: 30.2, long: 114.9,
    attributes: { credit_code: '91990100MA0000002K', enterprise_name: '示例新材料科技有限公司' }
  }, function (err, created) {
    if (err) { console.log('submitRequest failed', err, created); process.exit(1); }
    var id = created[0].service_request_id;
    console.log('submitted:', JSON.stringify(created));
    client.serviceRequests(id, { api_key: apiKey }, function (err, requests) {
      if (err) { console.log('serviceRequests failed', requests); process.exit(1); }
      var r = requests[0];
      console.log('request:', r.service_request_id, r.status, r.service_code, 'expected', r.expected_datetime.toISOString());
      client.serviceRequests({ api_key: apiKey, status: 'open' }, function (err, list) {
        if (err) { console.log('list failed', list); process.exit(1); }
        console.log('listed:', list.length, 'open request(s) of this client');
      });
    });
  });
});
