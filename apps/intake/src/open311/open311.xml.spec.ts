import { escapeXml, xmlDocument } from './open311.xml';

describe('Open311 XML', () => {
  it('escapes the five XML specials', () => {
    expect(escapeXml(`a & b < c > d "e" 'f'`)).toBe('a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;');
    expect(escapeXml('&amp;')).toBe('&amp;amp;');
  });

  it('repeats array items under one tag, empties nulls and escapes text', () => {
    const xml = xmlDocument('service_requests', {
      request: [
        { service_request_id: '20261123000042', status: 'open', lat: 34.77, media_url: null, description: '井盖<破损> & "漏水"' },
        { service_request_id: '2', status: 'closed', media_url: '' },
      ],
    });
    expect(xml).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<service_requests>' +
        '<request><service_request_id>20261123000042</service_request_id><status>open</status><lat>34.77</lat><media_url/>' +
        '<description>井盖&lt;破损&gt; &amp; &quot;漏水&quot;</description></request>' +
        '<request><service_request_id>2</service_request_id><status>closed</status><media_url/></request>' +
        '</service_requests>',
    );
  });

  it('renders an empty list as an empty root', () => {
    expect(xmlDocument('services', { service: [] })).toBe('<?xml version="1.0" encoding="utf-8"?>\n<services></services>');
  });
});
